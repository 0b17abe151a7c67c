import { observationForLink, type BridgeMethod } from '@shared/protocol/bridge-link';
import { TabsightError } from '@shared/schema/errors';
import { createApp } from '../http/app';
import type { ExtensionLink } from '../native/extension-link';
import { sampleExecute, sampleHello, sampleObservation, sampleSession } from './test-fixtures';

/** Test-only: a bridge app over a fake extension that knows one session, `sess_abc123`. */
export const TEST_PORT = 7410;
export const TEST_TOKEN = 'test-token_abcdefghijklmnopqrstuvwxyz0123456789';
export const TEST_HOST = `127.0.0.1:${TEST_PORT}`;
export const KNOWN_SESSION = sampleSession().session_id;

const JPEG_BYTES = [0xff, 0xd8, 0xff, 0xe0];

function answer(method: BridgeMethod, params: unknown): unknown {
  const id = (params as { session_id?: string }).session_id;
  if (id !== undefined && id !== KNOWN_SESSION) {
    // As the service worker answers for a session it does not hold.
    throw new TabsightError(
      'session-not-found',
      `no session "${id}": start one with POST /sessions/start`,
    );
  }
  switch (method) {
    case 'session.start':
    case 'session.get':
      return sampleSession();
    case 'session.list':
      return [sampleSession()];
    case 'session.stop':
      return sampleSession({ status: 'closed', closed_at: '2026-11-28T12:01:00.000Z' });
    case 'page.observe':
      return observationForLink(sampleObservation());
    case 'page.execute':
      return sampleExecute((params as { action: never }).action);
    case 'page.scrape':
      return {
        markdown: '# Hi',
        images: [],
        structured: { success: true, error: null, data: null },
        session: sampleSession(),
      };
    case 'page.screenshot':
      return { jpeg_base64: Buffer.from(JPEG_BYTES).toString('base64') };
    case 'ping':
      return sampleHello;
  }
}

export function createFakeExtensionLink(): ExtensionLink & { calls: BridgeMethod[] } {
  const calls: BridgeMethod[] = [];
  return {
    calls,
    call: (method, params) => {
      calls.push(method);
      return new Promise((resolve) => resolve(answer(method, params) as never));
    },
    onFrame: () => {},
    close: () => {},
    state: () => ({ connected: true, hello: sampleHello }),
  };
}

/** The real app over the fake link, plus a `fetch` that reaches it in memory. */
export function createTestApp() {
  const link = createFakeExtensionLink();
  const app = createApp({
    link,
    token: TEST_TOKEN,
    port: TEST_PORT,
    version: '0.1.0',
    allowedOrigins: [`chrome-extension://${sampleHello.extension_id}`],
    log: () => {},
  });
  // A Request built in memory carries no Host header; a real HTTP client always sends one.
  const fetchImpl: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('host', TEST_HOST);
    return Promise.resolve(
      app.request(input instanceof Request ? input.url : String(input), { ...init, headers }),
    );
  };
  return { app, link, fetch: fetchImpl, url: `http://${TEST_HOST}` };
}
