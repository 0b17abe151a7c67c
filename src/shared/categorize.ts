import type { PageSignals } from './protocol/frame-snapshot';
import type { SpaceCategory } from './schema/observation';

/** Repeated items from which a page counts as a feed. */
export const FEED_MIN_ITEMS = 10;
/** Text fields from which a page counts as a form. */
export const FORM_MIN_TEXT_FIELDS = 2;
/** Share of the interactions that text fields must make up on a form page. */
export const FORM_MIN_FIELD_SHARE = 0.25;
/** A page with a text field and at most this many interactions is a form. */
export const FORM_MAX_SMALL_PAGE_ACTIONS = 5;

/**
 * The page category from deterministic heuristics (docs/SPEC.md section 3, `space.category`), most
 * urgent first: what blocks the agent (captcha, consent banner), then what the page asks for
 * (payment, login, a dialog), then what it shows.
 * @example categorize({ ...signals, password_fields: 1 }, 12) // 'auth'
 */
export function categorize(signals: PageSignals, interactionCount: number): SpaceCategory {
  if (signals.captcha) {
    return 'captcha';
  }
  if (signals.cookie_banner) {
    return 'manage-cookies';
  }
  if (signals.payment_fields > 0) {
    return 'payment';
  }
  if (signals.password_fields > 0) {
    return 'auth';
  }
  if (signals.modal_dialog) {
    return 'overlay';
  }
  if (signals.search_results) {
    return 'search-results';
  }
  if (signals.root_path) {
    return 'homepage';
  }
  if (signals.feed_items >= FEED_MIN_ITEMS && !signals.article) {
    return 'data-feed';
  }
  if (signals.article) {
    return 'item';
  }
  // A search box and a newsletter field do not make a content page a form: fields must be a
  // good share of what can be done there.
  const fieldShare = signals.text_fields / Math.max(1, interactionCount);
  if (
    (signals.text_fields >= FORM_MIN_TEXT_FIELDS && fieldShare >= FORM_MIN_FIELD_SHARE) ||
    (signals.text_fields > 0 && interactionCount <= FORM_MAX_SMALL_PAGE_ACTIONS)
  ) {
    return 'form';
  }
  return 'other';
}
