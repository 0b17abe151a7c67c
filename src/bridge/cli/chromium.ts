import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Env } from '../config/config-dir';
import { WEBMCP_FLAG } from '@shared/schema/page-tools';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** CHROME_PATH, else the first of chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(
  env: Env = process.env,
  canRun: (path: string) => boolean = isExecutable,
): string | null {
  if (env.CHROME_PATH) {
    return isAbsolute(env.CHROME_PATH) && canRun(env.CHROME_PATH) ? env.CHROME_PATH : null;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (canRun(candidate)) {
        return candidate;
      }
    }
  }
  return null;
}

/** Debian and Ubuntu ship a `chromium` package we can install for the user when root. */
export function canAptInstall(isRoot: boolean, osRelease = readOsRelease()): boolean {
  return (
    isRoot &&
    existsSync('/usr/bin/apt-get') &&
    /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease)
  );
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

export const INSTALL_HINT = [
  'No Chromium found (looked at CHROME_PATH, then chromium, chromium-browser, google-chrome on PATH).',
  'Install one, e.g.:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium',
  '  Fedora:        sudo dnf install -y chromium',
  '  Arch:          sudo pacman -S chromium',
  'or point CHROME_PATH at a Chromium or Chrome binary.',
].join('\n');

export interface LaunchOptions {
  profileDir: string;
  extensionDir: string;
  headless: boolean;
  isRoot: boolean;
  startUrl?: string;
  /** `start --page-tools`: turn on WebMCP, so pages can offer agents their own tools. */
  pageTools?: boolean;
}

/** Flags for a dedicated profile that loads only our unpacked extension. */
export function chromiumArgs(options: LaunchOptions): string[] {
  const args = [
    `--user-data-dir=${options.profileDir}`,
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (options.headless) {
    args.push('--headless=new', '--disable-gpu');
  }
  // Chromium refuses to run as root with its sandbox (docs/TOOLCHAIN.md section 2); everyone else,
  // headless or not, keeps the sandbox between web pages and the machine.
  if (options.isRoot) {
    args.push('--no-sandbox');
  }
  // Off by default: WebMCP is an experimental Chromium feature, and with it every page may
  // register tools whose names, descriptions and answers an agent then reads (all untrusted).
  if (options.pageTools) {
    args.push(WEBMCP_FLAG);
  }
  args.push(options.startUrl ?? 'about:blank');
  return args;
}
