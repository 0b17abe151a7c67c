import { z } from 'zod';
import type { Action } from '@shared/schema/actions';
import { ErrorBody } from '@shared/schema/errors';
import { ExecuteResponse, type StepRequest } from '@shared/schema/execute';
import { HealthResponse } from '@shared/schema/health';
import { Observation, type ObserveRequestInput } from '@shared/schema/observation';
import { ScrapeResponse, type ScrapeRequest } from '@shared/schema/scrape';
import { Session, type SessionStart } from '@shared/schema/session';
import { createHmac, randomBytes } from 'node:crypto';
import { checkIdentity } from '@shared/identity';

export { HealthResponse, type StepRequest };

/** An HTTP error from the bridge, with the contract's `{message, detail}` body. */
export class BridgeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${status}: ${body.message}`);
    this.name = 'BridgeHttpError';
  }
}

/**
 * The process at the URL could not prove it holds the token (src/shared/identity.ts), so the
 * token was not sent: another program may have taken the bridge's port after it stopped.
 */
export class BridgeImpostorError extends Error {
  constructor(
    readonly url: string,
    why: string,
  ) {
    super(
      `the process at ${url} is not the Tabsight bridge (${why}), so the token was not sent to it: ` +
        'the bridge may have stopped and another program taken its port. Restart the bridge ' +
        '(`npm start`, or reopen Chromium with the extension), then run `npm run doctor`',
    );
    this.name = 'BridgeImpostorError';
  }
}

/** No HTTP answer at all: the bridge is not running, or runs on another port. */
export class BridgeUnreachableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(
      `the Tabsight bridge at ${url} did not answer (${cause instanceof Error ? cause.message : String(cause)}): ` +
        'start it with `npm start` (or open Chromium with the extension loaded); `npm run doctor` says what is missing',
    );
    this.name = 'BridgeUnreachableError';
  }
}

export interface ClientOptions {
  /** Bridge base URL, e.g. `http://127.0.0.1:7410`. */
  url: string;
  token: string;
  fetch?: typeof fetch;
  /**
   * Ask the server to prove it holds the token before sending it (default true). Off only for a
   * bridge older than `GET /identity`.
   */
  verifyIdentity?: boolean;
}

/** The OpenAPI document is large and generated; only its envelope is checked here. */
const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/**
 * A typed client for the bridge's HTTP API. Every answer is parsed with the contract's zod
 * schema, so a caller gets exactly what docs/SPEC.md promises or an error: `BridgeHttpError` for an
 * HTTP error (its message says what to do), `BridgeUnreachableError` when nothing answers.
 *
 * @example
 * const client = createTabsightClient({ url: 'http://127.0.0.1:7410', token });
 * const { session_id } = await client.start({ url: 'https://example.com' });
 * const page = await client.observe(session_id, { data: false });
 */
export function createTabsightClient({
  url,
  token,
  fetch: doFetch = fetch,
  verifyIdentity = true,
}: ClientOptions) {
  const base = url.replace(/\/$/, '');
  let verified: Promise<void> | null = null;

  /** Once per client: the server proves it holds the token for the port we reach it on. */
  async function verify(): Promise<void> {
    const check = await checkIdentity(base, token, {
      fetch: (target) => doFetch(target),
      hmacHex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
      challenge: randomBytes(16).toString('hex'),
    });
    if (!check.ok) {
      throw check.reason === 'unreachable'
        ? new BridgeUnreachableError(base, check.cause)
        : new BridgeImpostorError(base, check.detail);
    }
  }

  async function call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T> | null,
    body?: unknown,
  ): Promise<T> {
    if (verifyIdentity) {
      verified ??= verify().catch((err: unknown) => {
        verified = null;
        throw err;
      });
      await verified;
    }
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new BridgeUnreachableError(base, err);
    }
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
      throw new BridgeHttpError(
        res.status,
        parsed.success ? parsed.data : { message: res.statusText, detail: null },
      );
    }
    if (schema === null) {
      return (await res.arrayBuffer()) as T;
    }
    return schema.parse(await res.json());
  }

  const session = (id: string) => `/sessions/${encodeURIComponent(id)}`;
  const page = (id: string, verb: string) => `${session(id)}/page/${verb}`;

  return {
    /** Bridge and extension status; with the token it also says why the extension is not connected. */
    health: () => call('GET', '/health', HealthResponse),
    /** The OpenAPI 3.1 document of every route, generated from the zod schemas. */
    openapi: () => call('GET', '/openapi.json', OpenApiDocument),
    start: (params: Partial<z.input<typeof SessionStart>> = {}) =>
      call('POST', '/sessions/start', Session, params),
    list: (onlyActive = true) =>
      call('GET', `/sessions?only_active=${onlyActive}`, Session.array()),
    get: (id: string) => call('GET', session(id), Session),
    stop: (id: string) => call('DELETE', `${session(id)}/stop`, Session),
    observe: (id: string, request: ObserveRequestInput = {}) =>
      call('POST', page(id, 'observe'), Observation, request),
    execute: (id: string, action: z.input<typeof Action>) =>
      call('POST', page(id, 'execute'), ExecuteResponse, action),
    /** The short form by element id: a boolean value checks, a string fills, none clicks. */
    step: (id: string, request: z.input<typeof StepRequest>) =>
      call('POST', page(id, 'step'), ExecuteResponse, request),
    scrape: (id: string, request: Partial<z.input<typeof ScrapeRequest>> = {}) =>
      call('POST', page(id, 'scrape'), ScrapeResponse, request),
    /** JPEG bytes of the visible viewport. */
    screenshot: (id: string) => call<ArrayBuffer>('POST', page(id, 'screenshot'), null),
  };
}
export type TabsightClient = ReturnType<typeof createTabsightClient>;
