import type { FrameEffect } from '@shared/protocol/runtime';
import type { EffectProperty } from '@shared/schema/effect';
import type { z } from 'zod';
import { knownIdOf } from '../perceive';
import { nameOf } from './describe-element';
import { isDialog, isShown, shownValue, stateOf, trackedIn, type StateOf } from './effect-state';

/** Beyond this many tracked elements, only the subtrees the mutations touched are compared. */
const SNAPSHOT_LIMIT = 4_000;
/** Each list in the report holds at most this many elements; the rest is counted. */
const LIST_LIMIT = 20;
/** Text changes are counted up to this many places. */
const TEXT_CHANGES_LIMIT = 200;
/** A tracker nobody collects stops watching after this long. */
const TRACKER_LIFETIME_MS = 60_000;

interface Tracker {
  url: string;
  /** The element acted on: focus moving to it is what acting does, not an effect. */
  target: Element | null;
  focus: Element | null;
  /** Tracked elements shown before the action, with their state; null past the limit. */
  shown: Map<Element, StateOf> | null;
  touched: Set<Node>;
  /** Elements whose text a mutation added, removed or edited. */
  texts: Set<Element>;
  observer: MutationObserver;
  expiry: ReturnType<typeof setTimeout>;
}

let tracker: Tracker | null = null;

function deepFocus(): Element | null {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) {
    focused = focused.shadowRoot.activeElement;
  }
  return focused === document.body || focused === document.documentElement ? null : focused;
}

function snapshot(elements: Element[]): Map<Element, StateOf> {
  const shown = new Map<Element, StateOf>();
  for (const element of elements) {
    if (isShown(element)) {
      shown.set(element, stateOf(element));
    }
  }
  return shown;
}

function stop(): void {
  if (tracker) {
    tracker.observer.disconnect();
    clearTimeout(tracker.expiry);
    tracker = null;
  }
}

const hasText = (node: Node) => (node.textContent ?? '').trim() !== '';

/** Files what a batch of mutations touched, and where they changed text. */
function note(records: MutationRecord[], touched: Set<Node>, texts: Set<Element>): void {
  for (const record of records) {
    touched.add(record.target);
    record.addedNodes.forEach((node) => touched.add(node));
    const parent = record.target instanceof Element ? record.target : record.target.parentElement;
    if (!parent) {
      continue;
    }
    if (record.type === 'characterData') {
      texts.add(parent);
    } else if (record.type === 'childList') {
      for (const node of record.addedNodes) {
        if (hasText(node)) {
          texts.add(node instanceof Element ? node : parent);
        }
      }
      if ([...record.removedNodes].some(hasText)) {
        texts.add(parent);
      }
    }
  }
}

/** How many shown elements have text the action changed (counted up to a bound). */
function textChanges(texts: Set<Element>): number {
  let count = 0;
  for (const element of texts) {
    if (count >= TEXT_CHANGES_LIMIT) {
      break;
    }
    if (element.isConnected && isShown(element)) {
      count++;
    }
  }
  return count;
}

/** Starts recording what the next action changes in this frame (replacing an earlier recording). */
export function beginEffect(): void {
  stop();
  const all = trackedIn(document, SNAPSHOT_LIMIT + 1);
  const touched = new Set<Node>();
  const texts = new Set<Element>();
  const observer = new MutationObserver((records) => note(records, touched, texts));
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  tracker = {
    url: location.href,
    target: null,
    focus: deepFocus(),
    shown: all.length > SNAPSHOT_LIMIT ? null : snapshot(all),
    touched,
    texts,
    observer,
    expiry: setTimeout(stop, TRACKER_LIFETIME_MS),
  };
}

/** Tells the recording which element the action is about to act on. */
export function noteTarget(element: Element): void {
  if (tracker) {
    tracker.target = element;
  }
}

const describe = (element: Element) => ({
  local_id: knownIdOf(element) ?? null,
  description: nameOf(element),
});

/** The tracked elements shown now, where the page is small enough to compare whole. */
function shownAfter(current: Tracker): Map<Element, StateOf> {
  if (current.shown) {
    return snapshot(trackedIn(document, SNAPSHOT_LIMIT + 1));
  }
  const after = new Map<Element, StateOf>();
  for (const node of current.touched) {
    if (node instanceof Element && node.isConnected) {
      for (const element of trackedIn(node, LIST_LIMIT * 10)) {
        if (isShown(element)) {
          after.set(element, stateOf(element));
        }
      }
    }
  }
  return after;
}

/** What changed in this frame since beginEffect, or null when nothing was being recorded. */
export function endEffect(): FrameEffect | null {
  const current = tracker;
  if (!current) {
    return null;
  }
  note(current.observer.takeRecords(), current.touched, current.texts);
  stop();
  const before = current.shown ?? new Map<Element, StateOf>();
  const after = shownAfter(current);
  const appeared = [...after.keys()].filter(
    (e) => !before.has(e) && (current.shown || !knownIdOf(e)),
  );
  const disappeared = current.shown ? [...before.keys()].filter((e) => !after.has(e)) : [];
  const changes: FrameEffect['changes'] = [];
  for (const [element, was] of before) {
    const now = after.get(element);
    if (!now) {
      continue;
    }
    for (const property of Object.keys({ ...was, ...now }) as z.infer<typeof EffectProperty>[]) {
      if (was[property] !== now[property]) {
        changes.push({
          ...describe(element),
          property,
          from: shownValue(was[property]),
          to: shownValue(now[property]),
        });
      }
    }
  }
  const dialog =
    appeared.find(isDialog) ?? changes.find((c) => c.property === 'open' && c.to === 'true');
  const focus = deepFocus();
  const omitted =
    Math.max(0, appeared.length - LIST_LIMIT) +
    Math.max(0, disappeared.length - LIST_LIMIT) +
    Math.max(0, changes.length - LIST_LIMIT);
  return {
    url: location.href,
    appeared: appeared.slice(0, LIST_LIMIT).map(describe),
    disappeared: disappeared.slice(0, LIST_LIMIT).map(describe),
    changes: changes.slice(0, LIST_LIMIT),
    dialog_opened: !dialog
      ? null
      : dialog instanceof Element
        ? describe(dialog)
        : { local_id: dialog.local_id, description: dialog.description },
    focus_moved:
      focus === current.focus || (focus !== null && focus === current.target)
        ? null
        : {
            from: current.focus ? nameOf(current.focus) : null,
            to: focus ? nameOf(focus) : null,
          },
    omitted,
    text_changes: textChanges(current.texts),
  };
}
