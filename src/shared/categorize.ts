import type { PageSignals } from './protocol/frame-snapshot';
import type { SpaceCategory } from './schema/observation';

/** Deterministic page category from page signals (no model). */
export function categorize(signals: PageSignals, interactionCount: number): SpaceCategory {
  if (signals.captcha) {
    return 'captcha';
  }
  if (signals.cookie_banner) {
    return 'manage-cookies';
  }
  if (signals.modal_dialog) {
    return 'overlay';
  }
  if (signals.payment_fields > 0) {
    return 'payment';
  }
  if (signals.password_fields > 0) {
    return 'auth';
  }
  if (signals.search_results) {
    return 'search-results';
  }
  if (signals.text_fields >= 3) {
    return 'form';
  }
  if (signals.article) {
    return 'item';
  }
  if (signals.feed_items >= 5) {
    return 'data-feed';
  }
  if (signals.root_path && interactionCount > 0) {
    return 'homepage';
  }
  return 'other';
}
