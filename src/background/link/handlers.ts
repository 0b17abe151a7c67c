import browser from 'webextension-polyfill';
import { TabsightError } from '@shared/schema/errors';
import type { BridgeMethods } from '@shared/protocol/bridge-link';
import { PROTOCOL_VERSION } from '@shared/protocol/version';
import type { Handlers } from '@shared/protocol/method';
import { toWireSession } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import { captureJpeg, observe } from '../observe/observe';

export const helloOf = () => ({
  extension_id: browser.runtime.id,
  version: browser.runtime.getManifest().version,
  protocol_version: PROTOCOL_VERSION,
});

/** One handler per bridge method; a method without one fails to compile. */
export function createBridgeHandlers(
  sessions: SessionService,
  ready: Promise<void>,
): Handlers<BridgeMethods> {
  const afterReady =
    <P, R>(fn: (params: P) => Promise<R>) =>
    async (params: P): Promise<R> => {
      await ready;
      return fn(params);
    };
  return {
    ping: () => helloOf(),
    'session.start': afterReady((params) => sessions.start(params)),
    'session.list': afterReady(({ only_active }) => sessions.list(only_active)),
    'session.get': afterReady(({ session_id }) => sessions.get(session_id)),
    'session.stop': afterReady(({ session_id }) => sessions.stop(session_id)),
    'page.observe': afterReady(({ session_id, request }) => observe(sessions, session_id, request)),
    'page.execute': afterReady(() => {
      // TODO(2026-12): element and browser actions (the acting issue).
      return Promise.reject(
        new TabsightError('not-supported', 'executing actions is not available yet'),
      );
    }),
    'page.scrape': afterReady(async ({ session_id }) => {
      const record = await sessions.touch(session_id);
      return Promise.reject(
        new TabsightError('not-supported', `scrape is not available yet (${record.session_id})`),
      );
    }),
    'page.screenshot': afterReady(async ({ session_id }) => {
      const record = await sessions.touch(session_id);
      return { jpeg_base64: await captureJpeg(record) };
    }),
  };
}

export { toWireSession };
