import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { scrubbedEnv } from './child-env';
import { tryItLines, writeCurlConfig } from './curl-config';
import { canAptInstall, chromiumArgs, findChromium, INSTALL_HINT } from './chromium';
import { register } from './register';
import { configDirOf, ensureConfigDir } from '../config/config-dir';
import { extensionIdOfManifest } from '../native/extension-id';
import { repoPaths } from '../config/repo-paths';
import { BRIDGE_HOSTNAME } from '../native/run-host';
import { loadOrCreateToken } from '../config/token';
import { reloadWelcomeTab } from './reload-welcome';
import { serveWelcomePage } from './welcome-page';
import { EXTENSION_CONNECT_TIMEOUT_MS, waitForExtension } from './wait-for-extension';

export interface StartArgs {
  headless: boolean;
  json: boolean;
  port: number;
  /** `--upload-dir`: the only folder upload_file's file_path may read from. */
  uploadDir?: string;
  /** `--allow-file-urls`: agents may open and read file: pages. */
  allowFileUrls?: boolean;
  /** `--page-tools`: Chromium with WebMCP, so observe lists page tools and execute calls them. */
  pageTools?: boolean;
}

const CHROMIUM_EXIT_GRACE_MS = 5_000;
/** How long npm start waits for the welcome tab to fetch its page before it prints the URL. */
const WELCOME_LOAD_TIMEOUT_MS = 30_000;
/** After the extension connects, how long the launch navigation may take before it is redone. */
const WELCOME_STALL_MS = 3_000;
const say = (message: string) => console.error(`[tabsight:bridge] ${message}`);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, BRIDGE_HOSTNAME, () => probe.close(() => resolve(true)));
  });
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function ensureChromium(): string | null {
  const found = findChromium();
  if (found) {
    return found;
  }
  if (!canAptInstall(process.getuid?.() === 0)) {
    console.error(INSTALL_HINT);
    return null;
  }
  say('no Chromium found: installing it with `apt-get install -y chromium` (about a minute)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  return install.status === 0 ? findChromium() : null;
}

function stopChromium(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), CHROMIUM_EXIT_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    // Closing Chromium closes the native port, which ends the host (docs/TOOLCHAIN.md section 5).
    child.kill('SIGTERM');
  });
}

function printReady(url: string, token: string, curlConfig: string): void {
  console.log(`Tabsight bridge: ${url}`);
  console.log(`Token:           ${token}`);
  console.log(`curl config:     ${curlConfig} (mode 0600; keeps the token off command lines)`);
  console.log('');
  console.log('Try it:');
  for (const line of tryItLines(url, curlConfig)) {
    console.log(line);
  }
  console.log('');
  console.log('Press Ctrl+C to close Chromium and the bridge.');
}

/** `npm start`: Chromium with the extension in a dedicated profile, then the bridge URL. */
export async function runStart(args: StartArgs): Promise<number> {
  const paths = repoPaths();
  if (!existsSync(join(paths.dist, 'manifest.json')) || !existsSync(paths.hostJs)) {
    say('dist/ or dist-bridge/ is missing: run `npm run build` first (npm start does).');
    return 1;
  }
  if (args.uploadDir && !isFolder(args.uploadDir)) {
    say(`--upload-dir ${args.uploadDir} is not a folder: create it, or leave the flag out`);
    return 1;
  }
  const chromium = ensureChromium();
  if (!chromium) {
    return 1;
  }
  if (!(await portIsFree(args.port))) {
    say(
      `port ${args.port} on ${BRIDGE_HOSTNAME} is in use (another bridge or program): stop it or use --port / TABSIGHT_PORT`,
    );
    return 1;
  }
  const configDir = ensureConfigDir(configDirOf());
  const profileDir = process.env.TABSIGHT_PROFILE_DIR || join(configDir, 'profile');
  mkdirSync(profileDir, { recursive: true });
  const token = loadOrCreateToken(configDir);
  const curlConfig = writeCurlConfig(configDir, token);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    say(
      'running as root: Chromium needs --no-sandbox then, so web pages run without its sandbox; run as a normal user to keep it',
    );
  }
  const extensionId = extensionIdOfManifest(join(paths.dist, 'manifest.json'));
  const { manifestPaths } = register({ profile: profileDir, port: args.port });
  const url = `http://${BRIDGE_HOSTNAME}:${args.port}`;
  const logPath = join(configDir, 'chromium.log');
  const welcome = await serveWelcomePage();

  // Chromium's own output and the host's stderr (a child of Chromium) go to one log file.
  const log = openSync(logPath, 'a');
  const child = spawn(
    chromium,
    chromiumArgs({
      profileDir,
      extensionDir: paths.dist,
      headless: args.headless,
      isRoot,
      startUrl: welcome.url,
      pageTools: args.pageTools ?? false,
    }),
    {
      stdio: ['ignore', log, log],
      env: scrubbedEnv(process.env, {
        TABSIGHT_PORT: String(args.port),
        TABSIGHT_CONFIG_DIR: configDir,
        TABSIGHT_PROFILE_DIR: profileDir,
        ...(args.uploadDir ? { TABSIGHT_UPLOAD_DIR: resolve(args.uploadDir) } : {}),
        ...(args.allowFileUrls ? { TABSIGHT_ALLOW_FILE_URLS: '1' } : {}),
      }),
    },
  );
  let exitReason: string | null = null;
  child.once('exit', (code, signal) => {
    exitReason = `Chromium exited (${signal ?? `code ${code}`}); see ${logPath}`;
  });
  child.once('error', (err) => {
    exitReason = `Chromium could not start: ${err.message}`;
  });
  say(`launched ${chromium} (profile ${profileDir}, log ${logPath}); waiting for the extension`);

  const ready = await waitForExtension({ url, token, aborted: () => exitReason });
  if (!ready.ok) {
    say(
      [
        `the extension did not connect within ${EXTENSION_CONNECT_TIMEOUT_MS / 1000} s: ${ready.lastReason}`,
        'Check:',
        `  - ${logPath} for "Native host has exited" or "not found" errors;`,
        `  - that ${manifestPaths.join(', ')} exists and allows chrome-extension://${extensionId}/;`,
        `  - that dist/ holds the built extension and its service worker calls connectNative (then chrome://extensions shows its errors).`,
      ].join('\n'),
    );
    await stopChromium(child);
    welcome.close();
    return 1;
  }

  // The printed example observes the welcome tab: on a slow machine the extension can connect
  // before that tab has fetched its page, and an observe then finds no document yet (409).
  // A launch navigation that Chromium stalled (reload-welcome.ts) is redone through the API.
  if (!(await welcome.served(WELCOME_STALL_MS))) {
    const failed = await reloadWelcomeTab({ bridgeUrl: url, token, welcomeUrl: welcome.url });
    say(
      failed
        ? `the welcome tab had not fetched its page; loading it again failed: ${failed}`
        : `the welcome tab had not fetched its page ${WELCOME_STALL_MS / 1000} s after the extension connected (a Chromium start-up stall): loaded it again`,
    );
  }
  if (!(await welcome.served(WELCOME_LOAD_TIMEOUT_MS))) {
    say(
      `the welcome tab has not loaded its page within ${WELCOME_LOAD_TIMEOUT_MS / 1000} s: an observe of it may answer 409 "no document yet" until it does; run it again then`,
    );
  }
  if (args.json) {
    console.log(JSON.stringify({ url, token, extension_id: extensionId, profile_dir: profileDir }));
  } else {
    printReady(url, token, curlConfig);
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      stopping = true;
      say(`${signal}: closing Chromium`);
      void stopChromium(child).then(() => {
        welcome.close();
        resolve(0);
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    child.once('exit', () => {
      if (exitReason && !stopping) {
        say(exitReason);
      }
      welcome.close();
      resolve(0);
    });
  });
}
