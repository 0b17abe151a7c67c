import { noSignals, type PageSignals } from '@shared/protocol/frame-snapshot';
import type { Classification } from './roles';

const CONSENT_PATTERN = /cookie|consent|gdpr|privacy-banner/i;
const CONSENT_ANSWER_PATTERN =
  /\b(accept|agree|allow|reject|decline|refuse|deny|got it|ok|okay|necessary|manage|preferences|akzeptieren|accepter|aceptar)\b/i;
const CAPTCHA_FRAME_PATTERN = /recaptcha|hcaptcha|turnstile|challenges\.cloudflare\.com|captcha/i;
const CAPTCHA_MARKER_PATTERN = /g-recaptcha|h-captcha|cf-turnstile|captcha/i;
// reCAPTCHA v3 and invisible v2 put a badge on countless pages that never show a challenge.
const INVISIBLE_CAPTCHA_PATTERN = /grecaptcha-badge|size=invisible/i;
const PAYMENT_AUTOCOMPLETE = /\bcc-(number|exp|exp-month|exp-year|csc|name|type)\b/i;
const PAYMENT_NAME_PATTERN =
  /card.?(number|num|no)|cc.?(num|number)|cvc|cvv|csc|security.?code|expir|cardholder/i;
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
const ANY_MARKER_PATTERN = /cookie|consent|gdpr|privacy-banner|captcha/i;
const isAnyMarker = (value: string): boolean => ANY_MARKER_PATTERN.test(value);
const isCaptchaMarker = (value: string): boolean =>
  CAPTCHA_MARKER_PATTERN.test(value) && !INVISIBLE_CAPTCHA_PATTERN.test(value);
const isConsentMarker = (value: string): boolean => CONSENT_PATTERN.test(value);

/** Page facts gathered during the walk, turned into PageSignals at the end. */
export interface SignalCollector {
  /** Whether a rendered element starts a cookie-consent region (read by descendants). */
  consentRegion(element: Element, position: string): boolean;
  element(element: Element, visible: boolean): void;
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

  const captchaElement = (element: Element): boolean => {
    if (element.localName === 'iframe') {
      const src = element.getAttribute('src') ?? '';
      return CAPTCHA_FRAME_PATTERN.test(src) && !INVISIBLE_CAPTCHA_PATTERN.test(src);
    }
    return marked(element) && markedWith(element, isCaptchaMarker);
  };

  return {
    consentRegion(element, position) {
      if (marked(element) && markedWith(element, isConsentMarker)) {
        return true;
      }
      // Banners without telling class names are fixed boxes or dialogs that talk about cookies.
      const role = position === 'fixed' ? null : element.getAttribute('role');
      const boxed =
        position === 'fixed' ||
        element.localName === 'dialog' ||
        role === 'dialog' ||
        role === 'alertdialog';
      return boxed && /cookie|consent|gdpr/i.test((element.textContent ?? '').slice(0, 3000));
    },
    element(element, visible) {
      if (!visible) {
        return;
      }
      const tag = element.localName;
      if (!signals.captcha && captchaElement(element)) {
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
      if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
        return;
      }
      const type = element instanceof HTMLInputElement ? element.type : '';
      const autocomplete = element.getAttribute('autocomplete') ?? '';
      if (type === 'password') {
        signals.password_fields += 1;
      } else if (TEXT_INPUT_TYPES.has(type) || element instanceof HTMLTextAreaElement) {
        signals.text_fields += 1;
      }
      const naming = `${element.name} ${element.id} ${autocomplete}`;
      if (PAYMENT_AUTOCOMPLETE.test(autocomplete) || PAYMENT_NAME_PATTERN.test(naming)) {
        signals.payment_fields += 1;
      }
      const searchy =
        type === 'search' || cls.role === 'searchbox' || SEARCH_INPUT_NAMES.has(element.name);
      searchValue ||= searchy && element.value.trim() !== '';
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
