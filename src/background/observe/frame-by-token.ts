import browser from 'webextension-polyfill';
import { callFrame, type FrameTarget } from '../frame-messaging';

/**
 * The child frame of `parentFrameId` whose content script holds `token` (the name its parent
 * gave the frame element, see src/content/dom/frame-tokens.ts), or null when none answers.
 */
export async function childFrameByToken(
  tabId: number,
  parentFrameId: number,
  token: string,
): Promise<FrameTarget | null> {
  const frames = (await browser.webNavigation.getAllFrames({ tabId })) ?? [];
  const children = frames.filter((f) => f.parentFrameId === parentFrameId);
  const answers = await Promise.all(
    children.map(async (f) => {
      const target: FrameTarget = { tabId, frameId: f.frameId, documentId: f.documentId };
      const reply = await callFrame(target, 'content.frame_token', {}).catch(() => null);
      return reply?.token === token ? target : null;
    }),
  );
  return answers.find((target) => target !== null) ?? null;
}
