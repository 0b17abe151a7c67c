import type { z } from 'zod';
import type { Action } from '@shared/schema/actions';
import { ErrorBody } from '@shared/schema/errors';
import { ExecuteResponse } from '@shared/schema/execute';
import { Observation, type ObserveRequestInput } from '@shared/schema/observation';
import { ScrapeResponse, type ScrapeRequest } from '@shared/schema/scrape';
import { Session, type SessionStart } from '@shared/schema/session';

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

export interface ClientOptions {
  /** Bridge base URL, e.g. `http://127.0.0.1:7410`. */
  url: string;
  token: string;
  fetch?: typeof fetch;
}

/**
 * A typed client for the bridge's HTTP API. Every answer is parsed with the contract's zod
 * schema, so a caller gets exactly what SPEC.md promises or an error.
 */
export function createTabsightClient({ url, token, fetch: doFetch = fetch }: ClientOptions) {
  const base = url.replace(/\/$/, '');

  async function call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T> | null,
    body?: unknown,
  ): Promise<T> {
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
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

  const page = (id: string, verb: string) => `/sessions/${encodeURIComponent(id)}/page/${verb}`;

  return {
    start: (params: Partial<z.input<typeof SessionStart>> = {}) =>
      call('POST', '/sessions/start', Session, params),
    list: (onlyActive = true) =>
      call('GET', `/sessions?only_active=${onlyActive}`, Session.array()),
    get: (id: string) => call('GET', `/sessions/${encodeURIComponent(id)}`, Session),
    stop: (id: string) => call('DELETE', `/sessions/${encodeURIComponent(id)}/stop`, Session),
    observe: (id: string, request: ObserveRequestInput = {}) =>
      call('POST', page(id, 'observe'), Observation, request),
    execute: (id: string, action: z.input<typeof Action>) =>
      call('POST', page(id, 'execute'), ExecuteResponse, action),
    scrape: (id: string, request: Partial<z.input<typeof ScrapeRequest>> = {}) =>
      call('POST', page(id, 'scrape'), ScrapeResponse, request),
    screenshot: (id: string) => call<ArrayBuffer>('POST', page(id, 'screenshot'), null),
  };
}
export type TabsightClient = ReturnType<typeof createTabsightClient>;
