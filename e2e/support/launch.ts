import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');
const CLI = path.join(REPO_ROOT, 'dist-bridge', 'cli.js');

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const HEALTH_TIMEOUT_MS = 30_000;

/**
 * Every `*.test` host name resolves to loopback in the e2e Chromium: pages served as
 * `http://shop.test:<port>/` are plain-http, cross-site and non-secure (no `crypto.randomUUID`,
 * no clipboard), as on the web, while traffic never leaves the machine.
 */
export const HOST_RESOLVER_RULES = '--host-resolver-rules=MAP *.test 127.0.0.1';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Debian's Chromium with the built extension in a persistent profile (extensions load only
 * there); the flags keep it off the network (docs/TOOLCHAIN.md section 4). `extensions` are unpacked
 * extension folders (the built one by default; bench/paired.ts loads two builds side by side);
 * `worker` is the first service worker to start.
 */
export async function launchChromiumWithExtension(
  profileDir: string,
  env?: NodeJS.ProcessEnv,
  extensions: string[] = [DIST],
  extraArgs: string[] = [],
): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: true,
    executablePath: CHROMIUM_PATH,
    ...(env ? { env } : {}),
    args: [
      `--disable-extensions-except=${extensions.join(',')}`,
      `--load-extension=${extensions.join(',')}`,
      HOST_RESOLVER_RULES,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker };
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  bridgeUrl: string;
  token: string;
  configDir: string;
  /** The bridge's upload folder (TABSIGHT_UPLOAD_DIR), or null when the launch set none. */
  uploadDir: string | null;
  close(): Promise<void>;
}

/**
 * A real Chromium with the built extension, whose service worker starts the real bridge through
 * native messaging (host manifest in the profile, as `register --profile` writes it).
 */
export interface LaunchOptions {
  /** Extra environment for the browser and so for the bridge it starts. */
  env?: Record<string, string>;
  /** Extra Chromium flags, e.g. `--host-resolver-rules=MAP *.test 127.0.0.1`. */
  chromiumArgs?: string[];
  /** false: no upload folder (upload_file's file_path is off); default: a scratch folder. */
  uploadFolder?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tabsight-e2e-'));
  const profileDir = path.join(scratch, 'profile');
  const configDir = path.join(scratch, 'config');
  const uploadDir = options.uploadFolder === false ? null : path.join(scratch, 'uploads');
  if (uploadDir) {
    mkdirSync(uploadDir);
  }
  const port = await freePort();
  const env = {
    ...process.env,
    ...(uploadDir ? { TABSIGHT_UPLOAD_DIR: uploadDir } : {}),
    ...options.env,
    TABSIGHT_CONFIG_DIR: configDir,
    TABSIGHT_PORT: String(port),
  };
  execFileSync(
    process.execPath,
    [CLI, 'register', '--profile', profileDir, '--port', String(port)],
    {
      env,
      stdio: 'pipe',
    },
  );
  const { context, worker } = await launchChromiumWithExtension(
    profileDir,
    env,
    [DIST],
    options.chromiumArgs,
  );
  const extensionId = new URL(worker.url()).host;
  const bridgeUrl = `http://127.0.0.1:${port}`;
  await waitForConnected(bridgeUrl);
  const token = execFileSync(process.execPath, [CLI, 'token'], {
    env,
    encoding: 'utf8',
  }).trim();
  return {
    context,
    worker,
    extensionId,
    bridgeUrl,
    token,
    configDir,
    uploadDir,
    close: async () => {
      await context.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Polls /health until the bridge reports the extension connected. */
export async function waitForConnected(
  bridgeUrl: string,
  timeoutMs = HEALTH_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${bridgeUrl}/health`);
      const body = (await res.json()) as { extension?: { connected?: boolean } };
      if (body.extension?.connected) {
        return;
      }
      last = JSON.stringify(body);
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the bridge at ${bridgeUrl} never reported the extension connected: ${last}`);
}

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
