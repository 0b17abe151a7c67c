import {
  BridgeMethods,
  BridgeResponseFrame,
  ExtensionEventFrame,
  type BridgeMethod,
  type BridgeRequestFrame,
  type ExtensionHello,
  type HostEventFrame,
} from '@shared/protocol/bridge-link';
import type { ParamsInputOf, ResultOf } from '@shared/protocol/method';
import { PROTOCOL_VERSION, checkProtocolVersion } from '@shared/protocol/version';
import { TabsightError } from '@shared/schema/errors';
import { FrameTooLargeError } from './framing';

/** How long the bridge waits for the extension to answer one call (docs/SPEC.md section 1: 15 s). */
export const OBSERVE_TIMEOUT_MS = 15_000;

export const NOT_CONNECTED_MESSAGE =
  'The Tabsight extension is not connected: open Chromium with the extension loaded, or run `npm start`';

export type HostFrame = BridgeRequestFrame | HostEventFrame;

export type LinkState =
  | { connected: false; reason: string; hello: ExtensionHello | null }
  | { connected: true; hello: ExtensionHello };

export interface CallOptions {
  /** Replaces the link's timeout for this call. */
  timeoutMs?: number;
  /** Added to the link's timeout, e.g. the duration of a `wait` action. @default 0 */
  extraMs?: number;
}

export interface ExtensionLink {
  call<M extends BridgeMethod>(
    method: M,
    params: ParamsInputOf<BridgeMethods, M>,
    options?: CallOptions,
  ): Promise<ResultOf<BridgeMethods, M>>;
  /** Feeds one decoded message from the extension. */
  onFrame(frame: unknown): void;
  /** The port closed: fails every pending call at once; later calls fail fast. */
  close(reason?: string): void;
  state(): LinkState;
}

export interface ExtensionLinkDeps {
  /** Sends one frame to the extension; may throw FrameTooLargeError. */
  write: (frame: HostFrame) => void;
  /** How long a call waits for its answer. @default OBSERVE_TIMEOUT_MS */
  timeoutMs?: number;
  log?: (message: string) => void;
  onHello?: (hello: ExtensionHello) => void;
}

interface Pending {
  method: BridgeMethod;
  resolve: (result: unknown) => void;
  reject: (error: TabsightError) => void;
  timer: ReturnType<typeof setTimeout>;
}

const defaultLog = (message: string) => console.error(`[tabsight:bridge] ${message}`);

/** The bridge's side of the native port: correlated calls with timeouts, and the hello state. */
export function createExtensionLink(deps: ExtensionLinkDeps): ExtensionLink {
  const log = deps.log ?? defaultLog;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let hello: ExtensionHello | null = null;
  let mismatch: string | null = null;
  let closedReason: string | null = null;

  const notConnected = (): TabsightError | null => {
    if (closedReason !== null) {
      return new TabsightError(
        'extension-not-connected',
        `${NOT_CONNECTED_MESSAGE} (${closedReason})`,
      );
    }
    if (mismatch !== null) {
      return new TabsightError('protocol-mismatch', mismatch, 'Rebuild both with `npm run build`.');
    }
    if (hello === null) {
      return new TabsightError('extension-not-connected', NOT_CONNECTED_MESSAGE, undefined, true);
    }
    return null;
  };

  const settle = (frame: BridgeResponseFrame) => {
    const call = pending.get(frame.id);
    if (!call) {
      log(`dropped an answer for unknown or timed-out call ${frame.id}`);
      return;
    }
    pending.delete(frame.id);
    clearTimeout(call.timer);
    if (!frame.ok) {
      call.reject(TabsightError.from(frame.error));
      return;
    }
    const parsed = BridgeMethods[call.method].result.safeParse(frame.result);
    if (!parsed.success) {
      log(`invalid ${call.method} result: ${parsed.error.message}`);
      call.reject(
        new TabsightError(
          'internal',
          `the extension answered ${call.method} with an invalid result`,
        ),
      );
      return;
    }
    call.resolve(parsed.data);
  };

  const recordHello = (data: ExtensionHello) => {
    hello = data;
    const check = checkProtocolVersion(data.protocol_version);
    mismatch = check.compatible
      ? null
      : `the extension speaks protocol ${data.protocol_version}, the bridge ${PROTOCOL_VERSION} (${check.reason})`;
    log(
      `extension ${data.extension_id} ${data.version} said hello${mismatch ? `: ${mismatch}` : ''}`,
    );
    deps.onHello?.(data);
  };

  return {
    call(method, params, options = {}) {
      const refused = notConnected();
      if (refused) {
        return Promise.reject(refused);
      }
      const checked = BridgeMethods[method].params.safeParse(params);
      if (!checked.success) {
        return Promise.reject(
          new TabsightError(
            'invalid-request',
            `invalid ${method} params: ${checked.error.message}`,
          ),
        );
      }
      const id = nextId++;
      const timeoutMs =
        (options.timeoutMs ?? deps.timeoutMs ?? OBSERVE_TIMEOUT_MS) + (options.extraMs ?? 0);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(
            new TabsightError(
              'timeout',
              `the browser did not answer ${method} within ${timeoutMs} ms; the page may be busy: try again`,
              undefined,
              true,
            ),
          );
        }, timeoutMs);
        pending.set(id, {
          method,
          resolve: resolve as (result: unknown) => void,
          reject,
          timer,
        });
        try {
          deps.write({ v: 1, id, method, params: checked.data, deadline_ms: timeoutMs });
        } catch (err) {
          pending.delete(id);
          clearTimeout(timer);
          // Large frames travel in chunks (chunking.ts); only absurd sizes end here.
          reject(
            err instanceof FrameTooLargeError
              ? new TabsightError(
                  'invalid-request',
                  `the ${method} request is ${err.bytes} bytes, over the ${err.maxBytes}-byte limit of what the bridge sends the browser; send a smaller file`,
                )
              : new TabsightError(
                  'extension-not-connected',
                  `${NOT_CONNECTED_MESSAGE} (write failed)`,
                ),
          );
        }
      });
    },

    onFrame(frame) {
      const event = ExtensionEventFrame.safeParse(frame);
      if (event.success) {
        recordHello(event.data.data);
        return;
      }
      const response = BridgeResponseFrame.safeParse(frame);
      if (response.success) {
        settle(response.data);
        return;
      }
      log(
        `ignored a frame that is neither a response nor an event: ${JSON.stringify(frame).slice(0, 200)}`,
      );
    },

    close(reason = 'the native port closed') {
      closedReason = reason;
      const error = new TabsightError(
        'extension-not-connected',
        `${NOT_CONNECTED_MESSAGE} (${reason})`,
      );
      for (const call of pending.values()) {
        clearTimeout(call.timer);
        call.reject(error);
      }
      pending.clear();
    },

    state() {
      const refused = notConnected();
      if (refused || hello === null) {
        return { connected: false, reason: refused?.message ?? NOT_CONNECTED_MESSAGE, hello };
      }
      return { connected: true, hello };
    },
  };
}
