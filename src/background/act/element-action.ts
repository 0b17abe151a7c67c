import browser from 'webextension-polyfill';
import type { InteractionAction } from '@shared/schema/actions';
import { TabsightError } from '@shared/schema/errors';
import { callFrame, type FrameTarget } from '../frame-messaging';
import { addressOf } from '../observe/id-map';
import { idMapFor } from '../observe/tab-id-maps';
import { failed, type StepOutcome } from './outcome';

interface FrameInfo {
  frameId: number;
  documentId?: string;
}

const gone = (id: string) => failed(`element ${id} is gone; observe again`);

/**
 * The frame and local id behind a tab-wide id, or undefined when the id belongs to a document
 * that is no longer there (the page navigated, the iframe was removed).
 */
async function resolve(
  tabId: number,
  id: string,
): Promise<(FrameTarget & { localId: string }) | undefined> {
  const frames = ((await browser.webNavigation.getAllFrames({ tabId })) ?? []) as FrameInfo[];
  const top = frames.find((f) => f.frameId === 0);
  if (!top) {
    return undefined;
  }
  const state = await idMapFor(tabId, top.documentId ?? '0');
  const address = addressOf(state, id);
  const frame =
    address && frames.find((f) => (f.documentId ?? String(f.frameId)) === address.documentId);
  if (!address || !frame) {
    return undefined;
  }
  return { tabId, frameId: frame.frameId, documentId: frame.documentId, localId: address.localId };
}

/** Runs an element action in the frame that holds the element. */
export async function runElementAction(
  tabId: number,
  action: InteractionAction,
): Promise<StepOutcome> {
  const target = await resolve(tabId, action.id);
  if (!target) {
    return gone(action.id);
  }
  try {
    const outcome = await callFrame(target, 'content.act', {
      local_id: target.localId,
      action,
      id: action.id,
    });
    return { ...outcome, settleFrame: target };
  } catch (err) {
    if (err instanceof TabsightError && err.code === 'content-unreachable') {
      return gone(action.id);
    }
    // A frame that was just removed answers "No frame with id …".
    if (
      err instanceof Error &&
      /no frame|frame .* removed|document .* not found/i.test(err.message)
    ) {
      return gone(action.id);
    }
    throw err;
  }
}
