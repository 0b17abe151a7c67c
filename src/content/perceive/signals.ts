import { noSignals, type PageSignals } from '@shared/protocol/frame-snapshot';
import { clipped, overlaps, type Box, type LayoutCache } from './layout';
import type { Classification } from './roles';

const CONSENT_PATTERN = /cookie|consent|gdpr|privacy-banner/i;
const CONSENT_ANSWER_PATTERN =
  /\b(accept|agree|allow|reject|decline|refuse|deny|got it|ok|okay|necessary|manage|preferences|akzeptieren|accepter|aceptar)\b/i;
const CAPTCHA_FRAME_PATTERN = /recaptcha|hcaptcha|turnstile|challenges\.cloudflare\.com|captcha/i;
// `captcha` as a word of an id, class or label (`comment-captcha`, `captchaImage`, `reCAPTCHA`,
// `g-recaptcha`, `h-captcha`), not inside another word; camelCase humps are split first.
const CAPTCHA_WORD_PATTERN = /(?:^|[^a-z\d])(?:re|h)?captcha(?:$|[^a-z\d])/i;
const CAMEL_HUMP = /([a-z\d])([A-Z])/g;
const TURNSTILE_CLASS = 'cf-turnstile';
// reCAPTCHA v3 and invisible v2 put a badge on countless pages that never show a challenge.
const INVISIBLE_CAPTCHA_PATTERN = /grecaptcha-badge|size=invisible/i;
// Smaller than any challenge widget (reCAPTCHA's checkbox is 304×78 px, its compact form
// 164×144, hCaptcha's 303×78, Turnstile's 300×65 or 150×140): an empty container or a comment
// form's 18 px captcha icon is not a challenge in the way.
const CHALLENGE_MIN_WIDTH_PX = 100;
const CHALLENGE_MIN_HEIGHT_PX = 40;
const PAYMENT_AUTOCOMPLETE = /\bcc-(number|exp|exp-month|exp-year|csc|name|type)\b/i;
// A bare "security code" is as often a captcha's answer (`txtSecurityCode` beside a captcha
// image) as a card's: only a card's counts.
const PAYMENT_NAME_PATTERN =
  /card.?(number|num|no|security)|cc.?(num|number)|cvc|cvv|csc|expir|cardholder/i;
const SEARCH_PARAM_PATTERN = /[?&](q|query|search|search_query|s|k|keyword|keywords|text)=[^&]/i;
const SEARCH_INPUT_NAMES = new Set(['q', 'query', 'search', 's', 'k', 'keyword', 'keywords']);
const TEXT_INPUT_TYPES = new Set(['text', 'email', 'search', 'tel', 'url', 'number', '']);
const REPEATABLE_TAGS = new Set(['li', 'article', 'div', 'tr', 'section', 'a']);
const LONG_PARAGRAPH_CHARS = 120;
const ARTICLE_MIN_CHARS = 600;
const ARTICLE_MIN_LONG_PARAGRAPHS = 5;

// Called for every rendered element: the marker attributes are tested one by one rather than
// joined into a new string per element.
const markedWith = (element: Element, test: (value: string) => boolean): boolean => {
  const id = element.id;
  const cls = element.getAttribute('class');
  const label = element.getAttribute('aria-label');
  return (!!id && test(id)) || (!!cls && test(cls)) || (!!label && test(label));
};

// Either marker: one test per attribute finds the rare elements worth the specific patterns.
const ANY_MARKER_PATTERN = /cookie|consent|gdpr|privacy-banner|captcha|turnstile/i;
const isAnyMarker = (value: string): boolean => ANY_MARKER_PATTERN.test(value);
// Only reached by the rare values that passed ANY_MARKER_PATTERN, so the split may allocate.
const isCaptchaMarker = (value: string): boolean =>
  (CAPTCHA_WORD_PATTERN.test(value.replace(CAMEL_HUMP, '$1 $2')) ||
    value.split(/\s+/).includes(TURNSTILE_CLASS)) &&
  !INVISIBLE_CAPTCHA_PATTERN.test(value);
const isConsentMarker = (value: string): boolean => CONSENT_PATTERN.test(value);

/**
 * Whether a challenge candidate could be in the agent's way: a box of a challenge widget's size
 * that meets the viewport where its overflow ancestors (`clip`) let it show. Whatever the
 * observe scope, a challenge below the fold blocks nothing the agent sees yet, and the category
 * then does not change with the scope.
 */
function inTheWay(element: Element, layout: LayoutCache, clip: Box | null): boolean {
  const box = layout.box(element);
  const shown = clipped(box, clip);
  return (
    shown !== null &&
    shown.right - shown.left >= CHALLENGE_MIN_WIDTH_PX &&
    shown.bottom - shown.top >= CHALLENGE_MIN_HEIGHT_PX &&
    overlaps(shown, layout.viewport)
  );
}

/** Page facts gathered during the walk, turned into PageSignals at the end. */
export interface SignalCollector {
  /**
   * Whether a rendered element starts a cookie-consent region (read by descendants). The walk
   * hands over what it has read already: the element's `localName`, its explicit role
   * (explicitRole) and its `position`.
   */
  consentRegion(element: Element, tag: string, role: string | null, position: string): boolean;
  /**
   * A rendered element (`tag` its `localName`); `layout` (null without a layout engine, where
   * markers are trusted) and `clip` (its overflow ancestors' visible area) place the rare
   * challenge candidates.
   */
  element(
    element: Element,
    tag: string,
    visible: boolean,
    layout: LayoutCache | null,
    clip: Box | null,
  ): void;
  /** Counts repeated children (same tag and class) of a rendered element. */
  children(parent: Element): void;
  listed(element: Element, cls: Classification, name: string, inConsentRegion: boolean): void;
  result(doc: Document): PageSignals;
}

export function createSignalCollector(): SignalCollector {
  const signals: PageSignals = noSignals();
  let searchValue = false;
  let articles = 0;
  let longParagraphs = 0;
  let repeated = 0;
  // One map reused for every parent: most elements have a few children, counted per walk.
  const counts = new Map<string, Map<string, number>>();

  // consentRegion and element ask about the same element one after the other.
  let lastElement: Element | null = null;
  let lastMarked = false;
  const marked = (element: Element): boolean => {
    if (element !== lastElement) {
      lastElement = element;
      lastMarked = element.hasAttributes() && markedWith(element, isAnyMarker);
    }
    return lastMarked;
  };

  // A rendered challenge: a widget frame, or a box marked as one, unless it is the invisible
  // kind. Markers are tested first; only the rare candidates have their box read.
  const captchaCandidate = (element: Element, tag: string): boolean => {
    if (tag === 'iframe') {
      const src = element.getAttribute('src') ?? '';
      return CAPTCHA_FRAME_PATTERN.test(src) && !INVISIBLE_CAPTCHA_PATTERN.test(src);
    }
    return (
      marked(element) &&
      markedWith(element, isCaptchaMarker) &&
      element.getAttribute('data-size') !== 'invisible'
    );
  };

  return {
    consentRegion(element, tag, role, position) {
      if (marked(element) && markedWith(element, isConsentMarker)) {
        return true;
      }
      // Banners without telling class names are fixed boxes or dialogs that talk about cookies.
      const boxed =
        position === 'fixed' || tag === 'dialog' || role === 'dialog' || role === 'alertdialog';
      return boxed && /cookie|consent|gdpr/i.test((element.textContent ?? '').slice(0, 3000));
    },
    element(element, tag, visible, layout, clip) {
      if (!visible) {
        return;
      }
      if (
        !signals.captcha &&
        captchaCandidate(element, tag) &&
        (!layout || inTheWay(element, layout, clip))
      ) {
        signals.captcha = true;
      }
      const ariaModal = element.hasAttributes() && element.getAttribute('aria-modal') === 'true';
      if (tag === 'dialog' || ariaModal) {
        const modal = ariaModal || (tag === 'dialog' && safeMatches(element, ':modal'));
        signals.modal_dialog ||= modal;
      } else if (tag === 'article') {
        articles += 1;
        signals.article ||= (element.textContent ?? '').length >= ARTICLE_MIN_CHARS;
      } else if (tag === 'p' && (element.textContent ?? '').length >= LONG_PARAGRAPH_CHARS) {
        longParagraphs += 1;
      }
    },
    children(parent) {
      // A parent with no more children than the longest run so far cannot make a longer one
      // (a list's items, visited after the list, are all skipped so).
      if (parent.childElementCount <= Math.max(2, repeated)) {
        return;
      }
      // Per tag, then per class: no key string is built per child.
      counts.clear();
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
        const tag = child.localName;
        if (!REPEATABLE_TAGS.has(tag)) {
          continue;
        }
        let byClass = counts.get(tag);
        if (!byClass) {
          byClass = new Map();
          counts.set(tag, byClass);
        }
        const cls = child.getAttribute('class') ?? '';
        const count = (byClass.get(cls) ?? 0) + 1;
        byClass.set(cls, count);
        if (count > repeated) {
          repeated = count;
        }
      }
    },
    listed(element, cls, name, inConsentRegion) {
      if (inConsentRegion && cls.type === 'click' && CONSENT_ANSWER_PATTERN.test(name)) {
        signals.cookie_banner = true;
      }
      // Fields typed into (checkboxes, radios and buttons are no form to fill, whatever their
      // names say).
      const tag = element.localName;
      if (cls.type !== 'fill' || (tag !== 'input' && tag !== 'textarea')) {
        return;
      }
      const field = element as HTMLInputElement | HTMLTextAreaElement;
      const type = tag === 'input' ? field.type : '';
      const autocomplete = field.getAttribute('autocomplete') ?? '';
      if (type === 'password') {
        signals.password_fields += 1;
      } else if (TEXT_INPUT_TYPES.has(type) || tag === 'textarea') {
        signals.text_fields += 1;
      }
      const naming = `${field.name} ${field.id} ${autocomplete}`;
      if (PAYMENT_AUTOCOMPLETE.test(autocomplete) || PAYMENT_NAME_PATTERN.test(naming)) {
        signals.payment_fields += 1;
      }
      const searchy =
        type === 'search' || cls.role === 'searchbox' || SEARCH_INPUT_NAMES.has(field.name);
      searchValue ||= searchy && field.value.trim() !== '';
    },
    result(doc) {
      const location = doc.defaultView?.location ?? doc.location;
      const url = location?.href ?? '';
      signals.root_path = location?.pathname === '/';
      signals.feed_items = Math.max(articles, repeated >= 3 ? repeated : 0);
      signals.article ||= longParagraphs >= ARTICLE_MIN_LONG_PARAGRAPHS;
      signals.search_results = (searchValue || SEARCH_PARAM_PATTERN.test(url)) && repeated >= 3;
      return signals;
    },
  };
}

// `:modal` (Chrome 105+) throws in engines that do not know it.
function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}
