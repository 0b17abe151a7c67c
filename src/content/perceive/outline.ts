import { MARKS } from '../dom/marks';
import { escapeLineStart } from '@shared/page-text';
import { normalizeSpace } from '@shared/text';
import { truncate } from './describe';

const TEXT_BLOCK_MAX_CHARS = 300;
const HEADING_MAX_CHARS = 150;

/** One outline line before ids are known: text, a heading, a listed element or a frame slot. */
export type OutlineItem =
  | { kind: 'text'; text: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'element'; candidate: number }
  | { kind: 'frame'; frame: number };

export interface OutlineBuilder {
  readonly items: OutlineItem[];
  text(text: string): void;
  /** Ends the current text block (entering or leaving a block-level box). */
  flush(): void;
  heading(level: number, text: string): void;
  element(candidate: number): void;
  /** A child frame's slot; `frame` indexes the walk's frames. */
  frame(frame: number): void;
}

/**
 * Collects the outline in document (flat-tree) order during the walk. Inline text is joined
 * until a block boundary; long blocks are truncated, since the outline orients an agent and
 * the page markdown carries the full text.
 */
export function createOutline(): OutlineBuilder {
  const items: OutlineItem[] = [];
  let buffer = '';
  const flush = () => {
    // Every listed element and block boundary flushes, most often with nothing buffered.
    if (buffer === '') {
      return;
    }
    const text = normalizeSpace(buffer);
    buffer = '';
    if (text) {
      items.push({ kind: 'text', text: escapeLineStart(truncate(text, TEXT_BLOCK_MAX_CHARS)) });
    }
  };
  return {
    items,
    text(text) {
      buffer += text;
    },
    flush,
    heading(level, text) {
      flush();
      const clean = normalizeSpace(text);
      if (clean) {
        items.push({ kind: 'heading', level, text: truncate(clean, HEADING_MAX_CHARS) });
      }
    },
    element(candidate) {
      flush();
      items.push({ kind: 'element', candidate });
    },
    frame(frame) {
      flush();
      items.push({ kind: 'frame', frame });
    },
  };
}

/** Renders the items, with each listed element as `<marked id> <description>`. */
export function renderOutline(
  items: readonly OutlineItem[],
  describeCandidate: (candidate: number) => { id: string; description: string } | undefined,
  frameTokenAt: (frame: number) => string | null,
): string {
  const lines: string[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'text':
        lines.push(item.text);
        break;
      case 'heading':
        lines.push(`${'#'.repeat(item.level)} ${item.text}`);
        break;
      case 'element': {
        const listed = describeCandidate(item.candidate);
        if (listed) {
          lines.push(`${MARKS.id(listed.id)} ${listed.description}`);
        }
        break;
      }
      case 'frame': {
        // A frame that has not introduced itself yet has no slot: its text cannot be placed.
        const token = frameTokenAt(item.frame);
        if (token) {
          lines.push(MARKS.frame(token));
        }
        break;
      }
    }
  }
  return lines.join('\n');
}
