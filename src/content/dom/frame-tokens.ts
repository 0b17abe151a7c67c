/**
 * Which child-frame document sits in which `<iframe>` element, across origins.
 *
 * `chrome.runtime.getFrameId(element)` would answer directly, but content scripts of Chromium 156
 * do not have it ("is not a function"), and a cross-origin frame's document is out of reach
 * anyway. So the parent's content script names each of its frame elements with a random token
 * and posts it to the frame's window; the child's content script keeps the token its parent
 * sent and reports it with its snapshot, and the service worker pairs them up. Two directions,
 * so timing does not matter: the parent pushes tokens when it is collected, and a child that
 * has none (its document loaded after the push) asks its parent, which answers by looking up
 * which of its frame elements holds the asking window.
 *
 * Page scripts can post the same messages. That is harmless: a spoofed token only makes the
 * frame's elements unplaced or misplaced; tokens are correlation ids, not secrets.
 */

import { randomHex } from './random';

const TOKEN_KEY = 'tabsightFrameToken';
const REQUEST_KEY = 'tabsightFrameTokenRequest';
const TOKEN_PATTERN = /^[0-9a-f]{32}$/;
/** How long a child without a token waits for its parent's answer before reporting none. */
export const FRAME_TOKEN_WAIT_MS = 300;

const FRAME_SELECTOR = 'iframe, frame';

const tokens = new WeakMap<Element, string>();
// Frame elements inside shadow roots, which `querySelectorAll` on the document cannot see.
let shadowFrames: WeakRef<Element>[] = [];
let ownToken: string | null = null;
const waiting = new Set<(token: string) => void>();

const isFrameElement = (element: Element): element is HTMLIFrameElement | HTMLFrameElement =>
  element.localName === 'iframe' || element.localName === 'frame';

/** The token naming a frame element; the same for the life of the element. */
export function frameTokenOf(element: Element): string {
  let token = tokens.get(element);
  if (!token) {
    token = randomHex(16);
    tokens.set(element, token);
  }
  return token;
}

function post(element: Element, token: string): void {
  const target = isFrameElement(element) ? element.contentWindow : null;
  // '*': the child may be any origin, and the token is no secret.
  target?.postMessage({ [TOKEN_KEY]: token }, '*');
}

/**
 * Tells each frame element's document its token, again on every collect: a frame that
 * navigated has a new document that has not heard it yet. `inShadow` are frame elements the
 * walk found in shadow roots.
 */
export function announceFrameTokens(doc: Document, inShadow: readonly Element[]): void {
  shadowFrames = inShadow.map((element) => new WeakRef(element));
  for (const element of doc.querySelectorAll(FRAME_SELECTOR)) {
    post(element, frameTokenOf(element));
  }
  for (const element of inShadow) {
    post(element, frameTokenOf(element));
  }
}

function frameElementHolding(doc: Document, source: MessageEventSource): Element | undefined {
  for (const element of doc.querySelectorAll(FRAME_SELECTOR)) {
    if (isFrameElement(element) && element.contentWindow === source) {
      return element;
    }
  }
  return shadowFrames
    .map((ref) => ref.deref())
    .find((element) => element && isFrameElement(element) && element.contentWindow === source);
}

function onMessage(event: MessageEvent): void {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) {
    return;
  }
  const token = (data as Record<string, unknown>)[TOKEN_KEY];
  if (typeof token === 'string' && TOKEN_PATTERN.test(token)) {
    if (event.source === window.parent && window.parent !== window) {
      ownToken = token;
      for (const resolve of waiting) {
        resolve(token);
      }
      waiting.clear();
    }
    return;
  }
  if ((data as Record<string, unknown>)[REQUEST_KEY] === true && event.source) {
    const element = frameElementHolding(document, event.source);
    if (element) {
      post(element, frameTokenOf(element));
    }
  }
}

let listening = false;

/** Starts answering and receiving tokens; call once, early, in every frame's content script. */
export function listenForFrameTokens(signal?: AbortSignal): void {
  if (listening) {
    return;
  }
  listening = true;
  window.addEventListener('message', onMessage, { signal });
  requestToken();
}

function requestToken(): void {
  if (window.parent !== window) {
    window.parent.postMessage({ [REQUEST_KEY]: true }, '*');
  }
}

/**
 * This frame's token as its parent named it; null in the top frame, or when the parent did not
 * answer within `FRAME_TOKEN_WAIT_MS` (its content script is missing or busy).
 */
export async function ownFrameToken(waitMs = FRAME_TOKEN_WAIT_MS): Promise<string | null> {
  if (ownToken || window.parent === window) {
    return ownToken;
  }
  requestToken();
  return new Promise((resolve) => {
    const done = (token: string | null) => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve(token);
    };
    const timer = setTimeout(() => done(ownToken), waitMs);
    waiting.add(done);
  });
}
