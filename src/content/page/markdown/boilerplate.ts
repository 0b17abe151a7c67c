/**
 * Boilerplate blocks inside an extracted article: related links, share bars, newsletter boxes,
 * comment sections, cookie notices. A block is boilerplate when its own names (class, id, role,
 * aria-label) or its heading say so, and its content agrees: mostly links, a sign-up field, or
 * short. Article text never goes: a named block that holds much of the article's text stays.
 */
import { normalizeSpace } from '@shared/text';
import { linkDensity } from './prose';

/** Name tokens (class, id, aria-label words) of blocks that are not the article. */
const BOILERPLATE_NAMES = new Set([
  'related',
  'recommended',
  'recommendations',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'share',
  'sharing',
  'sharebar',
  'social',
  'comment',
  'comments',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'promo',
  'outbrain',
  'taboola',
  'disqus',
]);

/** Headings that open a boilerplate block (the start of the heading text, any case). */
const BOILERPLATE_HEADING =
  /^(?:related\b|more (?:from|on|in|stories|articles)\b|recommended\b|read (?:more|next)\b|you (?:may|might) also\b|most (?:read|popular|viewed)\b|popular\b|trending\b|sign up\b|subscribe\b|(?:our |the |get (?:our|the) )?newsletters?\b|comments?\b|\d+ comments?\b|leave a (?:comment|reply)\b|join the (?:conversation|discussion)\b|share (?:this|the)\b|we use cookies\b)/i;

/** A short heading that names a boilerplate block anywhere in it ("Get the Courier newsletter"). */
const BOILERPLATE_HEADING_WORD = /\b(?:newsletters?|subscribe|related|comments)\b/i;
const SHORT_HEADING_CHARS = 40;

/** A short block that asks for a sign-up or consent, whatever it is named. */
const CALL_TO_ACTION =
  /\b(?:sign up for|subscribe to|get our|join our) [^.]{0,60}\bnewsletters?\b|\bwe use cookies\b|\baccept (?:all )?cookies\b/i;

const BLOCK_SELECTOR = 'section, aside, div, ul, ol, form, nav, footer, p, figure, table';
const SHORT_BLOCK_CHARS = 400;
const SHORT_CALL_CHARS = 250;
const LINK_HEAVY = 0.4;
/** A block holding more than this share of the article's text is article, whatever its name. */
const MAX_SHARE_OF_ARTICLE = 0.3;

function nameTokens(element: Element): string[] {
  const names = [
    element.getAttribute('class'),
    element.id,
    element.getAttribute('role'),
    element.getAttribute('aria-label'),
    element.getAttribute('data-component'),
  ].join(' ');
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role=heading], legend';

/** The heading that opens the block: its first child, or that child's first child. */
function heading(element: Element): string {
  const first = element.firstElementChild;
  const opening = first?.matches(HEADING_SELECTOR)
    ? first
    : first?.firstElementChild?.matches(HEADING_SELECTOR)
      ? first.firstElementChild
      : null;
  return opening ? normalizeSpace(opening.textContent ?? '') : '';
}

function hasSignUpField(element: Element): boolean {
  return element.querySelector('input[type=email], input[name*=mail i], form') !== null;
}

function isBoilerplate(element: Element, articleChars: number): boolean {
  const text = normalizeSpace(element.textContent ?? '');
  if (text.length > MAX_SHARE_OF_ARTICLE * articleChars) {
    return false;
  }
  const short = text.length <= SHORT_BLOCK_CHARS;
  const title = heading(element);
  const named =
    nameTokens(element).some((token) => BOILERPLATE_NAMES.has(token)) ||
    BOILERPLATE_HEADING.test(title) ||
    (title.length <= SHORT_HEADING_CHARS && BOILERPLATE_HEADING_WORD.test(title));
  if (named && (short || linkDensity(element) >= LINK_HEAVY || hasSignUpField(element))) {
    return true;
  }
  if (element.localName === 'nav' || element.localName === 'aside') {
    return linkDensity(element) >= LINK_HEAVY;
  }
  return text.length <= SHORT_CALL_CHARS && CALL_TO_ACTION.test(text);
}

/** Removes boilerplate blocks from an extracted article tree (which the caller owns). */
export function trimBoilerplate(root: Element): void {
  const articleChars = normalizeSpace(root.textContent ?? '').length;
  // Outermost first: a removed block takes its descendants with it.
  for (const element of Array.from(root.querySelectorAll(BLOCK_SELECTOR))) {
    if (root.contains(element) && isBoilerplate(element, articleChars)) {
      element.remove();
    }
  }
}
