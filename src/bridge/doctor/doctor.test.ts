// @vitest-environment node
import { identityProofOf } from '../http/identity-proof';
import { describe, expect, it } from 'vitest';
import { NATIVE_HOST_NAME } from '@shared/protocol/bridge-link';
import { formatReport, runDoctor } from './doctor';
import type { DoctorDeps } from './deps';
import { extensionIdFromKey } from '../native/extension-id';
import { hostManifest, wrapperScript } from '../native/manifest';
import { sampleHello } from '../testing/test-fixtures';

// Any base64 works as a key for the id computation; the real check uses manifest.json's key.
const KEY = Buffer.from('tabsight-test-key').toString('base64');
const OTHER_KEY = Buffer.from('another-key').toString('base64');
const ID = extensionIdFromKey(KEY);
const REPO = '/repo';
const CONFIG = '/home/u/.config/tabsight';
const WRAPPER = `${CONFIG}/tabsight-host.sh`;
const PROFILE = '/tmp/profile';
const MANIFEST = `${PROFILE}/NativeMessagingHosts/${NATIVE_HOST_NAME}.json`;
const HOST_JS = `${REPO}/dist-bridge/host.js`;

interface FakeFile {
  text: string;
  mode?: number;
  exec?: boolean;
}

/** A machine where everything is right; each test breaks one thing. */
function healthyFiles(): Map<string, FakeFile> {
  return new Map<string, FakeFile>([
    ['/usr/bin/chromium', { text: '', exec: true }],
    [`${REPO}/manifest.json`, { text: JSON.stringify({ key: KEY }) }],
    [`${REPO}/dist/manifest.json`, { text: JSON.stringify({ key: KEY }) }],
    [HOST_JS, { text: '' }],
    [MANIFEST, { text: JSON.stringify(hostManifest(ID, WRAPPER)) }],
    [
      WRAPPER,
      {
        text: wrapperScript({ nodePath: '/usr/bin/node', hostJsPath: HOST_JS, configDir: CONFIG }),
        exec: true,
      },
    ],
    [`${CONFIG}/token`, { text: 'tok\n', mode: 0o600 }],
    [
      `${CONFIG}/bridge.json`,
      {
        text: JSON.stringify({
          pid: 42,
          port: 7410,
          url: 'http://127.0.0.1:7410',
          started_at: '2026-11-28T12:00:00.000Z',
        }),
      },
    ],
  ]);
}

interface Setup {
  files?: Map<string, FakeFile>;
  env?: Record<string, string>;
  alive?: boolean;
  portBusy?: boolean;
  health?: unknown;
  /** Another program holds the bridge's port: it cannot prove it holds the token. */
  impostor?: boolean;
}

function depsOf(setup: Setup = {}): DoctorDeps {
  const files = setup.files ?? healthyFiles();
  const health = setup.health ?? {
    status: 'ok',
    version: '0.1.0',
    protocol_version: '2.0.0',
    extension: { connected: true, id: ID, version: '0.1.0' },
    reason: null,
  };
  return {
    env: setup.env ?? { PATH: '/usr/bin' },
    fs: {
      exists: (p) => files.has(p),
      readText: (p) => {
        const file = files.get(p);
        if (!file) {
          throw new Error(`ENOENT ${p}`);
        }
        return file.text;
      },
      mode: (p) => (files.has(p) ? (files.get(p)?.mode ?? 0o644) : null),
      isExecutable: (p) => files.get(p)?.exec === true,
    },
    paths: { root: REPO, manifest: `${REPO}/manifest.json`, dist: `${REPO}/dist`, hostJs: HOST_JS },
    configDir: CONFIG,
    configHome: '/home/u/.config',
    profile: PROFILE,
    isPidAlive: () => setup.alive ?? true,
    portInUse: () => Promise.resolve(setup.portBusy ?? false),
    fetch: (input) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname === '/identity') {
        const token = files.get(`${CONFIG}/token`)?.text.trim() ?? '';
        const challenge = url.searchParams.get('challenge') ?? '';
        const proof = setup.impostor
          ? '0'.repeat(64)
          : identityProofOf(token, Number(url.port), challenge);
        return Promise.resolve(Response.json({ proof }));
      }
      return Promise.resolve(Response.json(health));
    },
  };
}

async function failures(setup: Setup): Promise<string[]> {
  const results = await runDoctor(depsOf(setup));
  return results.filter((r) => r.ok === false).map((r) => `${r.name}: ${r.detail} | fix: ${r.fix}`);
}

const edit = (mutate: (files: Map<string, FakeFile>) => void) => {
  const files = healthyFiles();
  mutate(files);
  return files;
};

describe('doctor', () => {
  it('passes everything on a healthy machine', async () => {
    const results = await runDoctor(depsOf());
    expect(results.every((r) => r.ok === true)).toBe(true);
    expect(formatReport(results)).toMatch(/^✓ Chromium or Chrome: \/usr\/bin\/chromium/);
    expect(formatReport(results)).toContain('All checks passed.');
  });

  it.each<[string, Setup, RegExp]>([
    [
      'no Chromium',
      { env: { PATH: '/nowhere' } },
      /Chromium or Chrome: not found \| fix: .*apt-get install -y chromium/s,
    ],
    [
      'a bad CHROME_PATH',
      { env: { PATH: '/usr/bin', CHROME_PATH: '/opt/x' } },
      /CHROME_PATH=\/opt\/x is not an executable/,
    ],
    [
      'dist/ not built',
      { files: edit((f) => f.delete(HOST_JS)) },
      /Build: missing .*host\.js \| fix: npm run build/,
    ],
    [
      'a stale dist/ with another key',
      {
        files: edit((f) =>
          f.set(`${REPO}/dist/manifest.json`, { text: JSON.stringify({ key: OTHER_KEY }) }),
        ),
      },
      /Extension id: dist\/manifest.json loads as \w+, not \w+ \| fix: npm run build/,
    ],
    [
      'no host manifest',
      { files: edit((f) => f.delete(MANIFEST)) },
      /not registered .*fix: npm run register -- --profile \/tmp\/profile/,
    ],
    [
      'allowed_origins of another extension',
      {
        files: edit((f) =>
          f.set(MANIFEST, {
            text: JSON.stringify(hostManifest(sampleHello.extension_id, WRAPPER)),
          }),
        ),
      },
      /allowed_origins is .* forbidden/,
    ],
    [
      'a wrapper path that does not exist',
      {
        files: edit((f) =>
          f.set(MANIFEST, { text: JSON.stringify(hostManifest(ID, '/gone/host.sh')) }),
        ),
      },
      /path "\/gone\/host.sh" does not exist/,
    ],
    [
      'a non-executable wrapper',
      { files: edit((f) => f.set(WRAPPER, { ...f.get(WRAPPER)!, exec: false })) },
      /is not executable.*fix: chmod 755/,
    ],
    [
      'a wrapper from another checkout',
      { files: edit((f) => f.set(WRAPPER, { text: 'exec node /elsewhere/host.js', exec: true })) },
      /does not run \/repo\/dist-bridge\/host.js/,
    ],
    [
      'no token file',
      { files: edit((f) => f.delete(`${CONFIG}/token`)) },
      /Token file: .* missing \| fix: npm run token/,
    ],
    [
      'a readable token file',
      { files: edit((f) => f.set(`${CONFIG}/token`, { text: 'tok', mode: 0o644 })) },
      /mode 644, not 600.*fix: chmod 600/,
    ],
    [
      'no bridge.json',
      { files: edit((f) => f.delete(`${CONFIG}/bridge.json`)) },
      /Bridge process: not running .*npm start/,
    ],
    ['a dead bridge pid', { alive: false }, /pid 42, which has exited/],
    [
      'the port held by another process',
      { alive: false, portBusy: true },
      /Port: 127.0.0.1:7410 is in use by another process.*--port <N>/,
    ],
    [
      'an extension not connected',
      {
        health: {
          status: 'degraded',
          version: '0.1.0',
          protocol_version: '2.0.0',
          extension: { connected: false, id: null, version: null },
          reason: 'the service worker has not said hello',
        },
      },
      /Extension connected: no: the service worker has not said hello \| fix: reload the extension/,
    ],
    [
      'another extension connected',
      {
        health: {
          status: 'ok',
          version: '0.1.0',
          protocol_version: '2.0.0',
          extension: { connected: true, id: 'abcdefabcdefabcdefabcdefabcdefab', version: '0.1.0' },
        },
      },
      /the connected extension is abcdef\w+, not/,
    ],
    [
      'another program on the bridge port',
      { impostor: true },
      /is not the Tabsight bridge .*so the token was not sent \| fix: stop the program holding that port/,
    ],
  ])('reports %s with its fix', async (_name, setup, expected) => {
    const failed = await failures(setup);
    expect(failed.length, failed.join('\n')).toBeGreaterThanOrEqual(1);
    expect(failed.join('\n')).toMatch(expected);
  });

  it('skips the extension check when the bridge is down and exits non-zero in the report', async () => {
    const results = await runDoctor(depsOf({ alive: false }));
    const report = formatReport(results);
    expect(report).toContain('· Extension connected: skipped');
    expect(report).toMatch(/1 check\(s\) failed\.$/);
  });
});
