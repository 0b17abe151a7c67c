import type { Delta } from '@shared/schema/delta';
import type { Observation, ObserveRequest } from '@shared/schema/observation';
import { spaceOf } from '@shared/space-parts';

/**
 * Observe `since`: what an agent needs after its last look is what changed, not the whole page
 * again. The worker keeps a compact record of each observation (ids, descriptions, text lines)
 * and answers a later `since` with the difference, in the same answer shape. Ids are the tab's
 * stable ids (id-map.ts), so the same id means the same element in both.
 */

/** What is kept of one observation to answer a later `since`. */
export interface ObservationRecord {
  id: string;
  tabId: number;
  /** The top document: a new document is a new page, answered whole. */
  topDocumentId: string;
  /** The request fields that decide what is listed; another listing is answered whole. */
  listing: string;
  elements: [id: string, description: string][];
  /** Lines of data.markdown, or null when data was not asked or was too long to keep. */
  lines: string[] | null;
}

/** Text longer than this is not kept for a text delta (the element delta still applies). */
const MAX_KEPT_TEXT = 200_000;

const listingOf = (r: ObserveRequest) =>
  JSON.stringify([r.scope, r.instructions ?? null, r.max_nb_actions, r.min_nb_actions ?? null]);

const linesOf = (markdown: string) => markdown.split('\n').filter((line) => line.trim() !== '');

export function recordOf(
  id: string,
  tabId: number,
  topDocumentId: string,
  request: ObserveRequest,
  observation: Pick<Observation, 'space' | 'data'>,
): ObservationRecord {
  const markdown = observation.data?.markdown;
  return {
    id,
    tabId,
    topDocumentId,
    listing: listingOf(request),
    elements: observation.space.interaction_actions.map((a) => [a.id, a.description]),
    lines: markdown !== undefined && markdown.length <= MAX_KEPT_TEXT ? linesOf(markdown) : null,
  };
}

/** Lines of `b` not matched by a line of `a`, counting repeats (a multiset difference). */
function linesNotIn(b: string[], a: string[]): string[] {
  const left = new Map<string, number>();
  for (const line of a) {
    left.set(line, (left.get(line) ?? 0) + 1);
  }
  return b.filter((line) => {
    const n = left.get(line) ?? 0;
    if (n > 0) {
      left.set(line, n - 1);
      return false;
    }
    return true;
  });
}

const wholeDelta = (since: string, reason: string): Delta => ({
  since,
  full: true,
  reason,
  summary: `whole observation: ${reason}`,
  added: [],
  removed: [],
  changed: [],
  unchanged: 0,
  text_appeared: [],
  text_disappeared: [],
});

/** Why `since` cannot be answered as a delta against `before`, or null when it can. */
export function wholeReason(
  before: ObservationRecord | undefined,
  now: ObservationRecord,
): string | null {
  if (!before) {
    return 'this session has no such observation (it is older than the last few, or the browser restarted)';
  }
  if (before.tabId !== now.tabId) {
    return 'the session is on another tab than in that observation';
  }
  if (before.topDocumentId !== now.topDocumentId) {
    return 'the tab shows a new document since that observation';
  }
  if (before.listing !== now.listing) {
    return 'scope, instructions or the number of actions differ from that observation';
  }
  return null;
}

/**
 * The answer to `since`: the observation cut to what changed, with its delta; or the whole
 * observation with the reason, when no delta applies or it would be no shorter.
 */
export function applySince<T extends Pick<Observation, 'space' | 'data'>>(
  observation: T,
  before: ObservationRecord | undefined,
  now: ObservationRecord,
  since: string,
): T & { delta: Delta } {
  const whole = wholeReason(before, now);
  if (whole !== null || !before) {
    return { ...observation, delta: wholeDelta(since, whole ?? '') };
  }
  const old = new Map(before.elements);
  const current = new Map(now.elements);
  const added = now.elements.filter(([id]) => !old.has(id));
  const removed = before.elements.filter(([id]) => !current.has(id));
  const changed = now.elements.filter(([id, d]) => old.has(id) && old.get(id) !== d);
  const unchanged = now.elements.length - added.length - changed.length;
  const textKept = before.lines !== null && now.lines !== null;
  const appeared = textKept ? linesNotIn(now.lines!, before.lines!) : [];
  const disappeared = textKept ? linesNotIn(before.lines!, now.lines!) : [];
  // A delta that would be as long as the page itself is no help: answer whole then.
  const length = (xs: string[]) => xs.reduce((n, x) => n + x.length + 8, 0);
  const deltaLength =
    length([...added, ...removed].map(([id, d]) => id + d)) +
    length(changed.map(([id, d]) => id + d + old.get(id)!)) +
    length(appeared) +
    length(disappeared);
  const wholeLength =
    observation.space.description.length +
    length(now.elements.map(([id, d]) => id + d)) +
    (observation.data?.markdown.length ?? 0);
  if (deltaLength >= wholeLength) {
    return {
      ...observation,
      delta: wholeDelta(since, 'the change is as long as the page itself'),
    };
  }
  const keep = new Set([...added, ...changed].map(([id]) => id));
  const parts = [
    added.length ? `${added.length} added` : '',
    removed.length ? `${removed.length} removed` : '',
    changed.length ? `${changed.length} changed` : '',
    appeared.length + disappeared.length
      ? `${appeared.length} lines of text appeared, ${disappeared.length} went`
      : '',
  ].filter(Boolean);
  const summary = parts.length
    ? `since ${since}: ${parts.join(', ')}; ${unchanged} elements unchanged`
    : `unchanged since ${since}`;
  const interaction = observation.space.interaction_actions.filter((a) => keep.has(a.id));
  return {
    ...observation,
    space: spaceOf({
      ...observation.space,
      description: summary,
      interaction_actions: interaction,
    }),
    data:
      observation.data && textKept
        ? { ...observation.data, markdown: appeared.join('\n') }
        : observation.data,
    delta: {
      since,
      full: false,
      reason: null,
      summary,
      added: added.map(([id, description]) => ({ id, description })),
      removed: removed.map(([id, description]) => ({ id, description })),
      changed: changed.map(([id, to]) => ({ id, from: old.get(id)!, to })),
      unchanged,
      text_appeared: appeared,
      text_disappeared: disappeared,
    },
  };
}
