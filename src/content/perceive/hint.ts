/**
 * What an agent can go on when an element's accessible name is empty: its tooltip, the title of
 * an SVG icon, an image's alt or file name, an icon-font class word, its text, a link's path.
 * Shown as a hint (`clickable (hint="trash")`), never as the name: Chromium's tree names these
 * elements "" and so do we.
 */
import { normalizeSpace } from '@shared/text';
import { nameFromContent, type StyleReader } from './accname';

const HINT_MAX_CHARS = 100;
const WORDY = /[\p{L}\p{N}]/u;

// Class words of icon fonts and sprite sets (`fa-heart`, `icon-trash`, `bi bi-star`,
// `glyphicon-remove`, `material-icons`): the word after the set's prefix.
const ICON_CLASS =
  /^(?:fa[srlbdk]?|fas|far|fab|bi|icon|icons|glyphicon|ion|ti|mdi|octicon|gg)-([a-z][a-z0-9-]*)$/;
const ICON_SET_WORDS = new Set(['fa', 'fas', 'far', 'fab', 'bi', 'icon', 'glyphicon', 'mdi']);

function iconClassWord(element: Element): string {
  for (const candidate of [element, ...Array.from(element.querySelectorAll('[class]'))]) {
    for (const word of Array.from(candidate.classList)) {
      const match = ICON_CLASS.exec(word);
      if (match && !ICON_SET_WORDS.has(match[1]!)) {
        // Size and spacing modifiers of the sets (fa-lg, fa-2x, fa-fw) are no names.
        if (!/^(?:\d?x|lg|sm|xs|fw|spin|pulse|solid|regular|light)$/.test(match[1]!)) {
          return match[1]!.replace(/-/g, ' ');
        }
      }
    }
  }
  return '';
}

// An image's file name without its extension and folders (`icons/reply-arrow.png`: reply-arrow).
function fileName(source: string): string {
  const path = source.split(/[?#]/)[0] ?? '';
  const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  return last.replace(/\.[a-z0-9]+$/i, '');
}

function imageHint(element: Element): string {
  const image = element.localName === 'img' ? element : element.querySelector('img');
  if (!image) {
    return '';
  }
  return image.getAttribute('alt')?.trim() || fileName(image.getAttribute('src') ?? '');
}

function hrefPath(element: Element): string {
  const link = element.closest<HTMLAnchorElement>('a[href]');
  if (!link) {
    return '';
  }
  try {
    const url = new URL(link.href);
    return url.pathname === '/' ? url.host : url.pathname;
  } catch {
    return link.getAttribute('href') ?? '';
  }
}

/** The hint for an element whose accessible name is empty ('' when nothing tells). */
export function hintOf(element: Element, styles: StyleReader, withText: boolean): string {
  const own = element.getAttribute('title') ?? element.getAttribute('aria-placeholder') ?? '';
  const text = withText ? nameFromContent(element, styles) : '';
  // Text of symbols only (an emoji, an icon font's private-use glyph) says less than an icon's
  // tooltip, an image's file name or a class word.
  const hint =
    normalizeSpace(own) ||
    (WORDY.test(text) ? text : '') ||
    normalizeSpace(
      element.querySelector('[title]')?.getAttribute('title') ??
        element.querySelector('svg > title')?.textContent ??
        '',
    ) ||
    normalizeSpace(imageHint(element)) ||
    iconClassWord(element) ||
    text ||
    (element.localName === 'a' ? '' : hrefPath(element));
  return hint.length > HINT_MAX_CHARS ? `${hint.slice(0, HINT_MAX_CHARS - 1)}…` : hint;
}
