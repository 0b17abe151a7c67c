import { HealthResponse } from '../http/health';
import { checkBridgeIdentity } from '../http/identity-proof';

/** How long `start` waits for Chromium to start, load the extension and connect the host. */
export const EXTENSION_CONNECT_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 250;

export interface WaitOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  /** Stops waiting early, e.g. when Chromium has exited. */
  aborted?: () => string | null;
  fetchImpl?: typeof fetch;
}

export type WaitResult = { ok: true; health: HealthResponse } | { ok: false; lastReason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls GET /health until the extension has said hello to the bridge. */
export async function waitForExtension(options: WaitOptions): Promise<WaitResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const deadline = Date.now() + (options.timeoutMs ?? EXTENSION_CONNECT_TIMEOUT_MS);
  let lastReason = 'the bridge never answered: Chromium did not start the native host';
  while (Date.now() < deadline) {
    const abort = options.aborted?.();
    if (abort) {
      return { ok: false, lastReason: abort };
    }
    // The token goes only to a process that proves it holds it: the port was free when the CLI
    // looked, but another process could have bound it before the bridge did.
    const identity = await checkBridgeIdentity(options.url, options.token, fetchImpl);
    if (!identity.ok && identity.reason === 'impostor') {
      return {
        ok: false,
        lastReason: `the process at ${options.url} is not the Tabsight bridge (${identity.detail}), so the token was not sent: stop the program holding that port, or use --port`,
      };
    }
    try {
      if (!identity.ok) {
        throw identity.cause; // not listening yet
      }
      const res = await fetchImpl(`${options.url}/health`, {
        headers: { authorization: `Bearer ${options.token}` },
        signal: AbortSignal.timeout(2_000),
      });
      const health = HealthResponse.parse(await res.json());
      if (health.extension.connected) {
        return { ok: true, health };
      }
      lastReason = health.reason ?? 'the bridge runs but the extension has not said hello';
    } catch {
      // Not listening yet: Chromium is still starting or has not connected the host.
    }
    await sleep(POLL_INTERVAL_MS);
  }
  return { ok: false, lastReason };
}
