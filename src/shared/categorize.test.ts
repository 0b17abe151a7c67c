import { describe, expect, it } from 'vitest';
import { categorize } from './categorize';
import { noSignals, type PageSignals } from './protocol/frame-snapshot';
import { SpaceCategory } from './schema/observation';

const none: PageSignals = noSignals();

const cases: Array<[SpaceCategory, Partial<PageSignals>, number]> = [
  ['captcha', { captcha: true, password_fields: 1, cookie_banner: true }, 5],
  ['manage-cookies', { cookie_banner: true, modal_dialog: true, root_path: true }, 30],
  ['payment', { payment_fields: 3, text_fields: 4 }, 10],
  ['auth', { password_fields: 1, text_fields: 1 }, 4],
  ['overlay', { modal_dialog: true, feed_items: 40 }, 50],
  ['search-results', { search_results: true, feed_items: 20, text_fields: 1 }, 60],
  ['homepage', { root_path: true, feed_items: 30 }, 80],
  ['data-feed', { feed_items: 25 }, 90],
  ['item', { article: true, feed_items: 25 }, 40],
  ['form', { text_fields: 5 }, 8],
  ['form', { text_fields: 1 }, 2],
  ['other', {}, 12],
  ['other', { text_fields: 1 }, 40],
];

describe('categorize', () => {
  it.each(cases)('%s from %o with %d interactions', (category, signals, count) => {
    expect(categorize({ ...none, ...signals }, count)).toBe(category);
  });

  it('reaches every category', () => {
    const reached = new Set(
      cases.map(([category, signals, count]) => {
        expect(categorize({ ...none, ...signals }, count)).toBe(category);
        return category;
      }),
    );
    expect([...reached].sort()).toEqual([...SpaceCategory.options].sort());
  });

  it('does not call a content page with a search box and a newsletter field a form', () => {
    expect(categorize({ ...none, text_fields: 2 }, 40)).toBe('other');
  });
});
