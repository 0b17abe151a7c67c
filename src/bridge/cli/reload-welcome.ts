import { checkBridgeIdentity } from '../http/identity-proof';

/**
 * Chromium (156, headless, fresh profile) sometimes never sends the request of the navigation it
 * starts at launch while it is still loading an unpacked extension that holds the `webRequest`
 * permission: the tab keeps its pending URL over an empty document for good. Measured on a
 * loaded 2-core machine: 4 of 10 launches with our extension, 0 of 10 with the same extension
 * without `webRequest`, 0 of 4 without any extension. The same URL navigated again once the
 * extension runs loads at once, so the CLI does that through the bridge's own API: a session
 * that adopts the active tab with the welcome URL (`sessions/start` waits for the load), then
 * its stop, which never closes an adopted tab.
 */
export interface ReloadWelcomeOptions {
  bridgeUrl: string;
  token: string;
  welcomeUrl: string;
  fetchImpl?: typeof fetch;
}

const CALL_TIMEOUT_MS = 20_000;

/** Loads the welcome page into the active tab again; resolves with why it could not, or null. */
export async function reloadWelcomeTab(options: ReloadWelcomeOptions): Promise<string | null> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetchImpl(`${options.bridgeUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    }
    return JSON.parse(text) as unknown;
  };
  const identity = await checkBridgeIdentity(options.bridgeUrl, options.token, fetchImpl);
  if (!identity.ok) {
    return identity.reason === 'impostor'
      ? `the process at ${options.bridgeUrl} is not the Tabsight bridge (${identity.detail})`
      : `the bridge did not answer: ${String(identity.cause)}`;
  }
  try {
    const session = (await call('POST', '/sessions/start', {
      attach: 'active_tab',
      url: options.welcomeUrl,
    })) as { session_id?: unknown };
    if (typeof session.session_id !== 'string') {
      return 'sessions/start answered without a session_id';
    }
    await call('DELETE', `/sessions/${session.session_id}/stop`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
