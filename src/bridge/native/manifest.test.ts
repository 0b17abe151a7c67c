// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostManifest, manifestDirs, registerHost, wrapperScript } from './manifest';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tabsight-register-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('hostManifest', () => {
  it('pins the extension origin', () => {
    expect(hostManifest('abcd', '/x/host.sh')).toEqual({
      name: 'dev.tabsight.bridge',
      description: expect.any(String) as string,
      path: '/x/host.sh',
      type: 'stdio',
      allowed_origins: ['chrome-extension://abcd/'],
    });
  });
});

describe('manifestDirs', () => {
  it('uses the profile folder when given', () => {
    expect(manifestDirs({ profile: '/p', configHome: '/c' })).toEqual(['/p/NativeMessagingHosts']);
  });

  it('uses the browsers that exist, else chromium, or the one asked for', () => {
    const only = (dir: string) => (path: string) => path === dir;
    expect(manifestDirs({ configHome: '/c', exists: only('/c/google-chrome') })).toEqual([
      '/c/google-chrome/NativeMessagingHosts',
    ]);
    expect(manifestDirs({ configHome: '/c', exists: () => false })).toEqual([
      '/c/chromium/NativeMessagingHosts',
    ]);
    expect(manifestDirs({ configHome: '/c', exists: () => true })).toHaveLength(2);
    expect(manifestDirs({ configHome: '/c', browser: 'chrome', exists: () => false })).toEqual([
      '/c/google-chrome/NativeMessagingHosts',
    ]);
  });
});

describe('registerHost', () => {
  it('writes an executable wrapper and the manifest', () => {
    const configDir = join(root, "conf 'dir'");
    const profile = join(root, 'profile');
    const { wrapperPath, manifestPaths } = registerHost({
      configDir,
      nodePath: process.execPath,
      hostJsPath: join(root, 'host.js'),
      extensionId: 'edlikapfpmbmoebgacabcmkfeikhnkmi',
      dirs: manifestDirs({ profile, configHome: root }),
      port: 7411,
    });
    expect(statSync(wrapperPath).mode & 0o777).toBe(0o755);
    expect(manifestPaths).toEqual([
      join(profile, 'NativeMessagingHosts', 'dev.tabsight.bridge.json'),
    ]);
    const manifest = JSON.parse(readFileSync(manifestPaths[0] ?? '', 'utf8')) as { path: string };
    expect(manifest.path).toBe(wrapperPath);

    // The wrapper really runs node on the host with the pinned environment.
    writeFileSync(
      join(root, 'host.js'),
      'console.log(JSON.stringify([process.env.TABSIGHT_PORT, process.env.TABSIGHT_CONFIG_DIR, process.argv[2]]))',
    );
    const env = { PATH: '' };
    const out = execFileSync(wrapperPath, ['chrome-extension://x/'], { env, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['7411', configDir, 'chrome-extension://x/']);
  });

  it('sets no port unless asked', () => {
    const script = wrapperScript({ nodePath: '/n', hostJsPath: '/h.js', configDir: '/c' });
    expect(script).not.toMatch(/TABSIGHT_PORT/);
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toMatch(/^exec '\/n' '\/h\.js' "\$@"$/m);
  });
});
