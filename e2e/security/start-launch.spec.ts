import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, REPO_ROOT } from '../support/launch';

const CLI = path.join(REPO_ROOT, 'dist-bridge', 'cli.js');
const PLANTED = 'sk-planted-secret-0123456789';

const environOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
const cmdlineOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
const parentOf = (pid: number) =>
  Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** The Chromium browser process above the host: the first ancestor with our profile flag. */
function chromiumAbove(pid: number, profileDir: string): number {
  for (let p = parentOf(pid); p > 1; p = parentOf(p)) {
    if (cmdlineOf(p).includes(`--user-data-dir=${profileDir}`)) {
      return p;
    }
  }
  throw new Error(`no Chromium with --user-data-dir=${profileDir} above pid ${pid}`);
}

test('start: secrets stay out of Chromium and the bridge, the sandbox stays for non-root, curl reads the token from a 0600 file', async () => {
  test.setTimeout(90_000);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-start-'));
  const configDir = path.join(scratch, 'config');
  const profileDir = path.join(scratch, 'profile');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [CLI, 'start', '--headless', '--json', '--port', String(port)],
    {
      env: {
        ...process.env,
        TABSIGHT_CONFIG_DIR: configDir,
        TABSIGHT_PROFILE_DIR: profileDir,
        OPENAI_API_KEY: PLANTED,
        AWS_SECRET_ACCESS_KEY: PLANTED,
        GITHUB_TOKEN: PLANTED,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await expect.poll(() => stdout.includes('"url"'), { timeout: 60_000 }).toBe(true);
    const ready = JSON.parse(stdout.trim().split('\n').at(-1)!) as { url: string; token: string };
    const status = JSON.parse(readFileSync(path.join(configDir, 'bridge.json'), 'utf8')) as {
      pid: number;
    };
    const chromium = chromiumAbove(status.pid, profileDir);
    for (const [name, pid] of [
      ['bridge', status.pid],
      ['chromium', chromium],
    ] as const) {
      const env = environOf(pid);
      expect(
        env.filter((v) => v.includes(PLANTED)),
        name,
      ).toEqual([]);
      expect(env, name).toContain(`TABSIGHT_PORT=${port}`);
    }
    const isRoot = process.getuid?.() === 0;
    expect(cmdlineOf(chromium).includes('--no-sandbox')).toBe(isRoot);
    // WebMCP (page tools) stays off unless `start --page-tools` asks for it.
    expect(cmdlineOf(chromium).filter((a) => a.includes('WebMCP'))).toEqual([]);
    if (isRoot) {
      expect(stderr).toMatch(/running as root: Chromium needs --no-sandbox/);
    }

    const curlConfig = path.join(configDir, 'curl-auth');
    expect(statSync(curlConfig).mode & 0o777).toBe(0o600);
    const sessions = execFileSync('curl', ['-s', '-K', curlConfig, `${ready.url}/sessions`], {
      encoding: 'utf8',
    });
    expect(JSON.parse(sessions)).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(scratch, { recursive: true, force: true });
  }
});
