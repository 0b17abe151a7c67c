import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Env } from '../config/config-dir';
import type { Browser } from '../native/manifest';
import type { RepoPaths } from '../config/repo-paths';

/** What `doctor` reads of the machine, injected so each check is tested with a fake one. */
export interface DoctorFs {
  exists(path: string): boolean;
  /** Throws when the file cannot be read. */
  readText(path: string): string;
  /** Permission bits (e.g. 0o600), or null when the file is missing. */
  mode(path: string): number | null;
  isExecutable(path: string): boolean;
}

export interface DoctorDeps {
  env: Env;
  fs: DoctorFs;
  paths: RepoPaths;
  configDir: string;
  /** $XDG_CONFIG_HOME or ~/.config, where Chromium and Chrome keep their default profiles. */
  configHome: string;
  profile?: string;
  browser?: Browser;
  isPidAlive(pid: number): boolean;
  /** True when something else holds the port on 127.0.0.1. */
  portInUse(port: number): Promise<boolean>;
  fetch: typeof fetch;
}

export interface CheckResult {
  name: string;
  /** null: not checked because an earlier check failed or does not apply. */
  ok: boolean | null;
  detail: string;
  /** What to run or change; set whenever ok is false. */
  fix?: string;
}

export const pass = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  name,
  ok: false,
  detail,
  fix,
});
export const skip = (name: string, detail: string): CheckResult => ({ name, ok: null, detail });

export const realDoctorFs: DoctorFs = {
  exists: existsSync,
  readText: (path) => readFileSync(path, 'utf8'),
  mode: (path) => {
    try {
      return statSync(path).mode & 0o777;
    } catch {
      return null;
    }
  },
  isExecutable: (path) => {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

/** Signal 0 tests for existence; EPERM means alive but someone else's. */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}
