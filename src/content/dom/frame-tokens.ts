/**
 * Which child-frame document sits in which `<iframe>` element, across origins.
 *
 * `chrome.runtime.getFrameId(element)` would answer directly, but content scripts of Chromium 156
 * do not have it ("is not a function"), and a cross-origin frame's document is out of reach
 * anyway. So each child names itself: its content script draws a random token when it starts,
 * reports it with its snapshot, and posts it once to its parent window. The parent's content
 * script files the token under `event.source`, the posting window, which the browser sets and no
 * script can forge, and reads it back through each frame element's `contentWindow`. The service
 * worker pairs the two reports up.
 *
 * What a page can and cannot do (docs/SPEC.md, README "Security model"): it can see the one
 * claim a child posts when its document starts, and post claims of its own, but only from windows
 * it runs in: a frame cannot take another frame's token (a token already filed under one window
 * is refused from any other), and the parent never sends a child anything it believes. Nothing is
 * posted per observation, so a page cannot tell when an agent reads it.
 */
import { randomHex } from './random';

const CLAIM_KEY = 'tabsightFrameClaim';
/** Sent by a parent whose content script started after its children's (a late injection). */
const HELLO_KEY = 'tabsightFrameHello';
const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

const isChild = window.parent !== window;

interface FrameTokenState {
  /** This frame's own name, drawn once and never taken from a message; null in the top frame. */
  ownToken: string | null;
  // Child windows by the token each claimed, and back; `WindowProxy` objects stay the same
  // across a frame's navigations, so a frame's newest document's claim replaces the older one.
  tokenOfWindow: WeakMap<object, string>;
  windowOfToken: Map<string, WeakRef<object>>;
  listening: boolean;
}

/**
 * Kept on the content scripts' global object, not in this module: the loader, which files claims
 * from `document_start`, and the engine, injected later (src/content/README.md), each bundle this
 * module, and must share one state. The page cannot reach that global: content scripts run in
 * their own world.
 */
const STATE_KEY = Symbol.for('tabsight.frameTokens');
const state: FrameTokenState = ((globalThis as Record<symbol, FrameTokenState | undefined>)[
  STATE_KEY
] ??= {
  ownToken: isChild ? randomHex(16) : null,
  tokenOfWindow: new WeakMap(),
  windowOfToken: new Map(),
  listening: false,
});
const { ownToken, tokenOfWindow, windowOfToken } = state;

const isFrameElement = (element: Element): element is HTMLIFrameElement | HTMLFrameElement =>
  element.localName === 'iframe' || element.localName === 'frame';

/**
 * The token the document in this frame element claimed, or null when its content script has not
 * (yet) introduced itself: such a frame is greeted, and left out until it answers.
 */
export function frameTokenOf(element: Element): string | null {
  const child = isFrameElement(element) ? element.contentWindow : null;
  return child ? (tokenOfWindow.get(child) ?? null) : null;
}

/** This frame's token: what its parent filed it under. Null in the top frame. */
export function ownFrameToken(): string | null {
  return ownToken;
}

function claim(): void {
  // '*': the parent may be any origin; the token names this frame and grants nothing.
  window.parent.postMessage({ [CLAIM_KEY]: ownToken }, '*');
}

function file(source: MessageEventSource, token: string): void {
  const holder = windowOfToken.get(token)?.deref();
  if (holder !== undefined && holder !== source) {
    return; // a replay of another frame's claim
  }
  const previous = tokenOfWindow.get(source);
  if (previous !== undefined && previous !== token) {
    windowOfToken.delete(previous);
  }
  tokenOfWindow.set(source, token);
  windowOfToken.set(token, new WeakRef(source));
}

function onMessage(event: MessageEvent): void {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) {
    return;
  }
  const record = data as Record<string, unknown>;
  const token = record[CLAIM_KEY];
  const source = event.source;
  // Only a direct child's own window may claim; `parent` is readable across origins.
  if (typeof token === 'string' && TOKEN_PATTERN.test(token) && source !== null) {
    if ((source as Window).parent === window && source !== window) {
      file(source, token);
    }
    return;
  }
  if (record[HELLO_KEY] === true && isChild && source === window.parent) {
    claim();
  }
}

/**
 * Greets frame elements whose document has not claimed a token: their content script started
 * before this one (the extension was loaded into an open page) or has just started.
 */
export function greetUnnamedFrames(elements: Iterable<Element>): void {
  for (const element of elements) {
    if (isFrameElement(element) && element.contentWindow && frameTokenOf(element) === null) {
      element.contentWindow.postMessage({ [HELLO_KEY]: true }, '*');
    }
  }
}

/** Starts filing children's claims and posts this frame's own; call once, early, in every frame. */
export function listenForFrameTokens(signal?: AbortSignal): void {
  if (state.listening) {
    return;
  }
  state.listening = true;
  window.addEventListener('message', onMessage, { signal });
  if (isChild) {
    claim();
  }
  greetUnnamedFrames(document.querySelectorAll('iframe, frame'));
}
