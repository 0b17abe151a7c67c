import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureConfigDir } from './config-dir';

export const TOKEN_FILE = 'token';
/** docs/SPEC.md section 1: at least 32 random bytes. */
export const TOKEN_BYTES = 32;
const MIN_TOKEN_LENGTH = 32;

export const tokenPathOf = (configDir: string): string => join(configDir, TOKEN_FILE);

const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

function writeToken(configDir: string, token: string): void {
  ensureConfigDir(configDir);
  const path = tokenPathOf(configDir);
  // Write then rename, so a reader never sees a half-written token.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${token}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** The token, created with mode 0600 on first use. */
export function loadOrCreateToken(configDir: string): string {
  try {
    const existing = readFileSync(tokenPathOf(configDir), 'utf8').trim();
    if (existing.length >= MIN_TOKEN_LENGTH) {
      return existing;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw err;
    }
  }
  const token = newToken();
  writeToken(configDir, token);
  return token;
}

/** Replaces the token; a running bridge picks it up on its next request. */
export function rotateToken(configDir: string): string {
  const token = newToken();
  writeToken(configDir, token);
  return token;
}

/** The current token, re-read when the file changes, so `token --rotate` needs no restart. */
export function createTokenSource(configDir: string): () => string {
  let token = loadOrCreateToken(configDir);
  const versionOf = () => {
    const stat = statSync(tokenPathOf(configDir));
    return `${stat.ino}:${stat.mtimeMs}`;
  };
  let seenVersion = versionOf();
  return () => {
    try {
      const version = versionOf();
      if (version !== seenVersion) {
        token = loadOrCreateToken(configDir);
        seenVersion = version;
      }
    } catch {
      // A deleted token file keeps the last token until a new one is written.
    }
    return token;
  };
}
