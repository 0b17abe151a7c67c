import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './errors';

/** Host values a loopback client sends; anything else is DNS rebinding or a misrouted request. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function hostGuard(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!allowedHosts(port()).has(host)) {
      throw new HttpProblem(
        403,
        `Host "${host}" is not allowed: the bridge answers only 127.0.0.1:${port()}, localhost:${port()} or [::1]:${port()} (DNS-rebinding protection)`,
      );
    }
    await next();
  };
}

/**
 * Browsers add Origin to cross-origin and non-GET requests; a web page must never reach the
 * bridge, so only our extension's origin may carry one. Agents (curl, SDKs) send none.
 */
export function originGuard(allowedOrigins: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      throw new HttpProblem(
        403,
        `Origin "${origin}" is not allowed: web pages may not call the bridge`,
      );
    }
    await next();
  };
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares digests, so neither content nor length of the token leaks through timing. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

const BEARER_PATTERN = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/;

/** The bearer token from an Authorization header, or null when absent or malformed. */
export function bearerTokenOf(header: string | undefined): string | null {
  return header ? (BEARER_PATTERN.exec(header)?.[1] ?? null) : null;
}

export function isAuthorized(header: string | undefined, token: string): boolean {
  const presented = bearerTokenOf(header);
  return presented !== null && tokenMatches(presented, token);
}

export function bearerGuard(
  token: () => string,
  isPublic: (method: string, path: string) => boolean,
): MiddlewareHandler {
  return async (c, next) => {
    if (!isPublic(c.req.method, c.req.path)) {
      const header = c.req.header('authorization');
      if (!isAuthorized(header, token())) {
        const error = header ? ', error="invalid_token"' : '';
        throw new HttpProblem(
          401,
          header
            ? 'invalid token: send Authorization: Bearer <token> (`node dist-bridge/cli.js token` prints it)'
            : 'missing token: send Authorization: Bearer <token> (`node dist-bridge/cli.js token` prints it)',
          null,
          { 'WWW-Authenticate': `Bearer realm="tabsight"${error}` },
        );
      }
    }
    await next();
  };
}
