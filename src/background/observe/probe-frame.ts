import {
  ListenerHints,
  MAX_DELEGATIONS,
  MAX_LISTENER_TARGETS,
  MAX_PATH_DEPTH,
} from '@shared/protocol/listeners';
import type { FrameTarget } from '../frame-messaging';
import { probeListeners } from './listener-probe';

/** The probe is a bounded scan; a page that makes it slower than this is observed without it. */
export const LISTENER_PROBE_TIMEOUT_MS = 1_000;

const LOG = '[tabsight:bg]';

/**
 * Runs the listener probe (./listener-probe) in one frame's main world, right before that
 * frame's collect. Undefined when it cannot run (a sandboxed or error page, a frame gone) or
 * its answer does not parse: perception then goes without listener hints, as before.
 */
export async function probeFrame(
  target: FrameTarget,
  timeoutMs = LISTENER_PROBE_TIMEOUT_MS,
): Promise<ListenerHints | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  const run = async (): Promise<ListenerHints | undefined> => {
    // `chrome.scripting` for `documentIds` (see injectEngine): the probe must read the document
    // that is collected next, not whatever the frame shows by now.
    const [injection] = await chrome.scripting.executeScript({
      target: target.documentId
        ? { tabId: target.tabId, documentIds: [target.documentId] }
        : { tabId: target.tabId, frameIds: [target.frameId] },
      world: 'MAIN',
      func: probeListeners,
      args: [
        {
          maxTargets: MAX_LISTENER_TARGETS,
          maxDelegations: MAX_DELEGATIONS,
          maxDepth: MAX_PATH_DEPTH,
        },
      ],
    });
    // The page's world produced this: parsed like any message from outside.
    const parsed = ListenerHints.safeParse(injection?.result);
    return parsed.success ? parsed.data : undefined;
  };
  try {
    return await Promise.race([run(), timeout]);
  } catch (err) {
    console.debug(LOG, 'listener probe', err);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
