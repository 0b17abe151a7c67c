import browser from 'webextension-polyfill';
import { observationForLink, type BridgeMethods } from '@shared/protocol/bridge-link';
import { PROTOCOL_VERSION } from '@shared/protocol/version';
import type { Handlers } from '@shared/protocol/method';
import { toWireSession } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import { assertScriptable } from '../observe/collect-tab';
import { captureSessionTab } from '../observe/capture-tab';
import { observe } from '../observe/observe';
import { execute } from '../act/execute';
import { scrapeTab } from '../act/scrape';
import { shapeScrape } from '../act/scrape-shape';
import type { CallContext } from './deadline';

export const helloOf = () => ({
  extension_id: browser.runtime.id,
  version: browser.runtime.getManifest().version,
  protocol_version: PROTOCOL_VERSION,
});

/** One handler per bridge method; a method without one fails to compile. */
export function createBridgeHandlers(
  sessions: SessionService,
  ready: Promise<void>,
): Handlers<BridgeMethods, CallContext> {
  const afterReady =
    <P, R>(fn: (params: P, ctx: CallContext) => Promise<R>) =>
    async (params: P, ctx: CallContext): Promise<R> => {
      await ready;
      return fn(params, ctx);
    };
  return {
    ping: () => helloOf(),
    'session.start': afterReady((params) => sessions.start(params)),
    'session.list': afterReady(({ only_active }) => sessions.list(only_active)),
    'session.get': afterReady(({ session_id }) => sessions.get(session_id)),
    'session.stop': afterReady(({ session_id }) => sessions.stop(session_id)),
    'page.observe': afterReady(async ({ session_id, request }, { deadline }) =>
      observationForLink(await observe(sessions, session_id, request, deadline)),
    ),
    'page.execute': afterReady(({ session_id, action }, { deadline }) =>
      execute(sessions, session_id, action, deadline),
    ),
    'page.scrape': afterReady(async ({ session_id, request }) => {
      const record = await sessions.touch(session_id);
      const data = await scrapeTab(record.active_tab_id, {
        only_main_content: request.only_main_content,
        selector: request.selector,
        instructions: request.instructions,
      });
      return { ...shapeScrape(data, request), session: toWireSession(record) };
    }),
    'page.screenshot': afterReady(async ({ session_id }) => {
      const record = await sessions.touch(session_id);
      assertScriptable(await browser.tabs.get(record.active_tab_id));
      return { jpeg_base64: await captureSessionTab(record, record.active_tab_id) };
    }),
  };
}

export { toWireSession };
