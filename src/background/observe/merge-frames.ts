import {
  MARK_CHARS,
  marksOf,
  type FrameElement,
  type Marks,
  type FrameSnapshot,
  type PageSignals,
  type Rect,
} from '@shared/protocol/frame-snapshot';
import type { ImageData, SkippedFrame, Viewport } from '@shared/schema/observation';
import { globalIdOf, type IdMapState } from './id-map';

export interface CollectedFrame {
  frameId: number;
  parentFrameId: number;
  documentId: string;
  snapshot: FrameSnapshot;
}

/** An element with its tab-wide id and its box in top-viewport coordinates. */
export interface PlacedElement extends FrameElement {
  id: string;
  frameId: number;
  documentId: string;
  inIframe: boolean;
  iframeSelectors: string[];
}

export interface MergedPage {
  elements: PlacedElement[];
  outline: string;
  markdown: string | null;
  images: ImageData[];
  signals: PageSignals;
  /** Child frames whose claim to a frame element did not hold. */
  skipped: SkippedFrame[];
}

/** Page text that holds marker characters of its own: they are not ours, so they go. */
const unmark = (text: string): string => text.replace(MARK_CHARS, '');

const intersects = (r: Rect, v: Viewport): boolean =>
  r.x + r.width > 0 && r.y + r.height > 0 && r.x < v.viewport_width && r.y < v.viewport_height;

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
};

/** Whether a frame's viewport is the size of the frame element's content box (±2 px rounding). */
const fits = (viewport: Viewport, box: { width: number; height: number }): boolean =>
  Math.abs(viewport.viewport_width - box.width) <= 2 &&
  Math.abs(viewport.viewport_height - box.height) <= 2;

/**
 * A child frame's text from another origin than the page's, between lines naming that origin. They
 * start with `[`, which page text never does unescaped (src/shared/page-text.ts).
 */
function labelled(
  part: { outline: string; markdown: string | null },
  origin: string,
  topOrigin: string,
): { outline: string; markdown: string | null } {
  if (origin === topOrigin) {
    return part;
  }
  const wrap = (text: string) =>
    text.trim() ? `[frame from ${origin}]\n${text}\n[end of frame from ${origin}]` : text;
  return {
    outline: wrap(part.outline),
    markdown: part.markdown === null ? null : wrap(part.markdown),
  };
}

/**
 * Places every frame's elements in the top frame (offset by the iframe boxes, tab-wide ids) and
 * splices child frames' outline and markdown where their iframe sits in the parent.
 */
export function mergeFrames(frames: CollectedFrame[], idMap: IdMapState): MergedPage {
  const top = frames.find((f) => f.parentFrameId === -1) ?? frames[0];
  if (!top) {
    throw new Error('no frame to merge');
  }
  // A child is the frame whose own token its parent filed under the frame element (by the
  // posting window, see src/content/dom/frame-tokens.ts) and that the browser says is that
  // parent's child. Two frames with one token under one parent cannot both be right: neither
  // is shown.
  const claims = new Map<string, CollectedFrame[]>();
  for (const f of frames) {
    if (f.snapshot.frame_token !== null) {
      const key = `${f.parentFrameId}|${f.snapshot.frame_token}`;
      claims.set(key, [...(claims.get(key) ?? []), f]);
    }
  }
  const skipped: SkippedFrame[] = [];
  const byParentAndToken = new Map<string, CollectedFrame>();
  for (const [key, claimants] of claims) {
    if (claimants.length === 1) {
      byParentAndToken.set(key, claimants[0]!);
    } else {
      skipped.push(
        ...claimants.map((f) => ({ url: f.snapshot.url, reason: 'slot-claimed-twice' as const })),
      );
    }
  }
  const topOrigin = originOf(top.snapshot.url);
  const topViewport = top.snapshot.viewport;
  const elements: PlacedElement[] = [];
  const seen = new Set<number>();

  // Only marks signed with the frame's own nonce are swapped; a page cannot know it.
  const mapIds = (text: string, frame: CollectedFrame, marks: Marks): string =>
    unmark(
      text.replace(marks.idPattern, (_m, local: string) =>
        globalIdOf(idMap, frame.documentId, local),
      ),
    );

  // Depth-first from the top frame, so ids are handed out in document order.
  function visit(
    frame: CollectedFrame,
    offset: { x: number; y: number },
    iframeSelectors: string[],
  ): { outline: string; markdown: string | null } {
    seen.add(frame.frameId);
    const marks = marksOf(frame.snapshot.mark_nonce);
    const inIframe = frame !== top;
    const origin = originOf(frame.snapshot.url);
    const foreign = origin !== topOrigin ? ` (in a frame from ${origin})` : '';
    for (const element of frame.snapshot.elements) {
      const rect = element.rect && {
        ...element.rect,
        x: element.rect.x + offset.x,
        y: element.rect.y + offset.y,
      };
      elements.push({
        ...element,
        ...(rect ? { rect } : {}),
        description: unmark(element.description) + foreign,
        name: unmark(element.name),
        in_viewport: element.in_viewport && (!inIframe || !rect || intersects(rect, topViewport)),
        id: globalIdOf(idMap, frame.documentId, element.local_id),
        frameId: frame.frameId,
        documentId: frame.documentId,
        inIframe,
        iframeSelectors,
      });
    }
    const children = new Map<string, { outline: string; markdown: string | null }>();
    for (const child of frame.snapshot.frames) {
      if (child.token === null) {
        continue;
      }
      const collected = byParentAndToken.get(`${frame.frameId}|${child.token}`);
      if (!collected || !child.visible || seen.has(collected.frameId)) {
        continue;
      }
      // A document sized otherwise than the frame element it claims is not the one inside it.
      if (!fits(collected.snapshot.viewport, child.content_size)) {
        skipped.push({ url: collected.snapshot.url, reason: 'slot-mismatch' });
        continue;
      }
      const part = visit(collected, { x: offset.x + child.rect.x, y: offset.y + child.rect.y }, [
        ...iframeSelectors,
        child.css_selector,
      ]);
      children.set(child.token, labelled(part, originOf(collected.snapshot.url), topOrigin));
    }
    // A frame's own text: its ids swapped, stray marker characters dropped. Children's text is
    // spliced in after, already mapped: another frame's marks are not this frame's to swap.
    const splice = (text: string, pick: 'outline' | 'markdown') =>
      text
        .split(marks.framePattern)
        .map((piece, index) => {
          if (index % 2 === 0) {
            return mapIds(piece, frame, marks);
          }
          const part = children.get(piece)?.[pick];
          return part ? `\n${part}\n` : '';
        })
        .join('');
    return {
      outline: splice(frame.snapshot.outline, 'outline'),
      markdown: frame.snapshot.page ? splice(frame.snapshot.page.markdown, 'markdown') : null,
    };
  }

  const merged = visit(top, { x: 0, y: 0 }, []);
  return {
    elements,
    outline: merged.outline,
    markdown: merged.markdown,
    images: mergeImages(frames),
    skipped,
    signals: mergeSignals(frames.filter((f) => seen.has(f.frameId)).map((f) => f.snapshot.signals)),
  };
}

function mergeImages(frames: CollectedFrame[]): ImageData[] {
  const byUrl = new Map<string, ImageData>();
  const unnamed: ImageData[] = [];
  for (const image of frames.flatMap((f) => f.snapshot.page?.images ?? [])) {
    if (image.url === null) {
      unnamed.push(image);
    } else if (!byUrl.has(image.url)) {
      byUrl.set(image.url, image);
    }
  }
  return [...byUrl.values(), ...unnamed];
}

export function mergeSignals(all: PageSignals[]): PageSignals {
  const [first, ...rest] = all;
  if (!first) {
    throw new Error('no signals to merge');
  }
  return rest.reduce<PageSignals>(
    (acc, s) => ({
      password_fields: acc.password_fields + s.password_fields,
      text_fields: acc.text_fields + s.text_fields,
      payment_fields: acc.payment_fields + s.payment_fields,
      cookie_banner: acc.cookie_banner || s.cookie_banner,
      modal_dialog: acc.modal_dialog || s.modal_dialog,
      captcha: acc.captcha || s.captcha,
      search_results: acc.search_results,
      feed_items: acc.feed_items,
      article: acc.article,
      root_path: acc.root_path,
    }),
    first,
  );
}
