import browser from 'webextension-polyfill';
import { parseKeyChord } from '@shared/key-chord';
import { oneLine } from '@shared/page-tools';
import { TabsightError } from '@shared/schema/errors';
import { callFrame, type FrameTarget } from '../frame-messaging';
import { assertScriptable } from '../observe/collect-tab';
import { childFrameByToken } from '../observe/frame-by-token';
import { failed, succeeded, topFrame, type StepOutcome } from './outcome';

const MAX_FRAME_DEPTH = 8;

/** press_key: to the focused element, following focus down into the frame that holds it. */
export async function pressKey(tabId: number, key: string): Promise<StepOutcome> {
  try {
    parseKeyChord(key);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
  let frame: FrameTarget = topFrame(tabId);
  for (let depth = 0; depth < MAX_FRAME_DEPTH; depth++) {
    const result = await callFrame(frame, 'content.key', { key });
    if (result.delegate_frame_token === null) {
      return result.handled ? succeeded(result.message, frame) : failed(result.message);
    }
    const child = await childFrameByToken(tabId, frame.frameId, result.delegate_frame_token);
    if (!child) {
      return failed('focus is in a frame that does not answer; click an element in it first');
    }
    frame = child;
  }
  return failed('focus is nested in too many frames; click the element first, then press the key');
}

export async function scroll(
  tabId: number,
  direction: 'up' | 'down',
  amount: number | null,
): Promise<StepOutcome> {
  const frame = topFrame(tabId);
  const result = await callFrame(frame, 'content.scroll', { direction, amount });
  return succeeded(result.message, frame);
}

const originOf = (url: string): string | null => {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/**
 * form_fill: the frames of the page's own origin (or of `frameOrigin`, when the agent names one)
 * fill the listed fields they have; frames of other origins are never sent the values. Frames
 * whose URL says no origin (about:blank, srcdoc) inherit one, so they are asked and check it
 * themselves. The answer names each filled field and its origin.
 */
export async function formFill(
  tabId: number,
  values: Record<string, string>,
  frameOrigin?: string,
): Promise<StepOutcome> {
  const keys = Object.keys(values);
  if (keys.length === 0) {
    return failed('form_fill needs values, e.g. {"email": "a@b.c", "first_name": "Ada"}');
  }
  const frames = (await browser.webNavigation.getAllFrames({ tabId })) ?? [];
  const topUrl = frames.find((f) => f.frameId === 0)?.url ?? '';
  const topOrigin = originOf(topUrl);
  if (!topOrigin) {
    return failed(`form_fill works on web pages; ${topUrl || 'this tab'} has no origin to fill in`);
  }
  const origin = frameOrigin ? new URL(frameOrigin).origin : topOrigin;
  const asked = frames.filter((f) => {
    const own = originOf(f.url);
    return own === origin || own === null;
  });
  const results = await Promise.all(
    asked.map((f) =>
      callFrame({ tabId, frameId: f.frameId }, 'content.form_fill', {
        values,
        origin,
        top_origin: topOrigin,
      }).catch(() => null),
    ),
  );
  const filled = results.flatMap((r) => r?.filled.map((f) => ({ ...f, origin: r.origin })) ?? []);
  const problems = results.flatMap((r) => r?.failed ?? []);
  const matched = new Set(filled.map((f) => f.key));
  const missing = keys.filter((k) => !matched.has(k) && !problems.some((p) => p.key === k));
  const parts = [
    filled.length
      ? `filled ${filled.map((f) => `${f.key} → ${f.field} (${f.origin})`).join(', ')}`
      : '',
    problems.length
      ? `could not fill ${problems.map((p) => `${p.key} (${p.message})`).join(', ')}`
      : '',
    missing.length ? `no field found for ${missing.join(', ')} in ${origin}` : '',
  ].filter(Boolean);
  if (filled.length === 0) {
    return failed(`${parts.join('; ')}; observe and fill those fields by id`);
  }
  return succeeded(parts.join('; '), topFrame(tabId));
}

/** Longer than the page's own limit on a tool call (20 s), so the page's timeout speaks first. */
const PAGE_TOOL_REPLY_MS = 22_000;

/**
 * Refuses a page_tool call the page cannot take (no WebMCP, no such tool, arguments that do not
 * fit its schema) as an error of the request, before the step is counted.
 */
export async function checkPageTool(
  tabId: number,
  name: string,
  args: Record<string, unknown>,
): Promise<void> {
  assertScriptable(await browser.tabs.get(tabId));
  await callFrame(topFrame(tabId), 'content.page_tool', {
    name,
    arguments: args,
    check_only: true,
  });
}

/** page_tool: runs the page's handler in the top frame; its answer is the page's words. */
export async function pageTool(
  tabId: number,
  name: string,
  args: Record<string, unknown>,
): Promise<StepOutcome> {
  const result = await callFrame(
    topFrame(tabId),
    'content.page_tool',
    { name, arguments: args },
    PAGE_TOOL_REPLY_MS,
  );
  if (!result) {
    throw new TabsightError('internal', 'the page tool call came back without an answer');
  }
  // The whole answer is in `page_tool.result`; the message carries a short look at it.
  const text =
    result.result === null
      ? 'it answered nothing'
      : `its answer (in page_tool.result): ${oneLine(result.result, 200)}`;
  return {
    ...succeeded(
      `page tool ${JSON.stringify(name)} of ${result.origin} ran (provided by the page, untrusted); ${text}`,
      topFrame(tabId),
    ),
    pageTool: result,
  };
}
