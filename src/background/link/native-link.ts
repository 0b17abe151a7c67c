import type { ErrorInfo } from '@shared/schema/errors';
import { errorInfoOf, TabsightError } from '@shared/schema/errors';
import {
  BridgeMethods,
  BridgeRequestFrame,
  ChunkFrame,
  HostEventFrame,
  NATIVE_HOST_NAME,
  type ExtensionHello,
} from '@shared/protocol/bridge-link';
import type { Handlers } from '@shared/protocol/method';
import { contextOf, type CallContext } from './deadline';
import { setUrlPolicy } from '../url-policy-state';
import { createChunkAssembler, type ChunkAssembler } from './chunk-assembler';

const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;
const LOG = '[tabsight:bg]';

export interface LinkStatus {
  connected: boolean;
  /** Why the last connection ended, in the browser's words. */
  last_error: string | null;
  host: HostEventFrame['data'] | null;
  since: string;
}

/**
 * The native-messaging port to the bridge. `connectNative` starts the host; while the port is
 * open it keeps this worker alive (w3c/webextensions#256). A dropped port is reopened with
 * exponential backoff; the `tabsight.reconnect` alarm retries after a suspension.
 */
export function createNativeLink(
  handlers: Handlers<BridgeMethods, CallContext>,
  hello: () => ExtensionHello,
  onStatus: (status: LinkStatus) => void,
) {
  let port: chrome.runtime.Port | null = null;
  let backoffMs = BACKOFF_MIN_MS;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let status: LinkStatus = { connected: false, last_error: null, host: null, since: '' };

  const setStatus = (change: Partial<LinkStatus>) => {
    status = { ...status, ...change, since: new Date().toISOString() };
    onStatus(status);
  };

  async function answer(p: chrome.runtime.Port, frame: BridgeRequestFrame): Promise<void> {
    const reply = (body: { ok: true; result: unknown } | { ok: false; error: ErrorInfo }) => {
      try {
        p.postMessage({ id: frame.id, ...body });
      } catch {
        // The port closed while we worked; the bridge has already failed this request.
      }
    };
    if (!Object.hasOwn(BridgeMethods, frame.method)) {
      reply({
        ok: false,
        error: {
          code: 'invalid-request',
          message: `unknown method ${frame.method}`,
          retryable: false,
        },
      });
      return;
    }
    const method = frame.method as keyof BridgeMethods;
    const params = BridgeMethods[method].params.safeParse(frame.params);
    if (!params.success) {
      reply({
        ok: false,
        error: { code: 'invalid-request', message: params.error.message, retryable: false },
      });
      return;
    }
    try {
      const handler = handlers[method] as (p: unknown, ctx: CallContext) => Promise<unknown>;
      reply({ ok: true, result: await handler(params.data, contextOf(frame.deadline_ms)) });
    } catch (err) {
      if (!(err instanceof TabsightError)) {
        console.error(LOG, method, err);
      }
      reply({ ok: false, error: errorInfoOf(err) });
    }
  }

  function onMessage(
    this: void,
    p: chrome.runtime.Port,
    chunks: ChunkAssembler,
    message: unknown,
  ): void {
    const chunk = ChunkFrame.safeParse(message);
    if (chunk.success) {
      chunks.push(chunk.data.chunk);
      return;
    }
    const request = BridgeRequestFrame.safeParse(message);
    if (request.success) {
      void answer(p, request.data);
      return;
    }
    const event = HostEventFrame.safeParse(message);
    if (event.success) {
      backoffMs = BACKOFF_MIN_MS;
      setUrlPolicy({ allowFileUrls: event.data.data.allow_file_urls === true });
      setStatus({ connected: event.data.data.listening, host: event.data.data });
      return;
    }
    console.warn(LOG, 'ignored a malformed frame from the bridge');
  }

  function connect(): void {
    clearTimeout(retry);
    if (port) {
      return;
    }
    const p = chrome.runtime.connectNative(NATIVE_HOST_NAME);
    port = p;
    const chunks = createChunkAssembler({
      // A joined message is a request or an event, never another chunk set.
      onMessage: (whole) =>
        ChunkFrame.safeParse(whole).success
          ? console.warn(LOG, 'ignored a chunk nested in a chunk set')
          : onMessage(p, chunks, whole),
      onDrop: (reason) => console.warn(LOG, `dropped a large message from the bridge: ${reason}`),
    });
    p.onMessage.addListener((message: unknown) => onMessage(p, chunks, message));
    p.onDisconnect.addListener(() => {
      chunks.clear();
      const reason = chrome.runtime.lastError?.message ?? 'the bridge closed the connection';
      port = null;
      setStatus({ connected: false, last_error: reason });
      retry = setTimeout(connect, backoffMs);
      backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
    });
    try {
      p.postMessage({ v: 1, event: 'hello', data: hello() });
    } catch {
      // onDisconnect reports why.
    }
  }

  return {
    connect,
    /** Reconnects now (used by the alarm and after start-up) unless a port is open. */
    ensureConnected: () => {
      if (!port) {
        backoffMs = BACKOFF_MIN_MS;
        connect();
      }
    },
    status: () => status,
  };
}
