import { describe, expect, it, vi } from 'vitest';
import { TabsightError } from '@shared/schema/errors';
import type { Handlers } from '@shared/protocol/method';
import type { PopupMethods } from '@shared/protocol/popup';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'ext', getURL: (p: string) => `chrome-extension://ext/${p}` },
  },
}));
const { dispatchPopup, isExtensionPage, isToolbarPopup } = await import('./dispatch');

const handlers: Handlers<PopupMethods> = {
  'popup.observe': () => Promise.reject(new TabsightError('restricted-url', 'no')),
  'popup.status': () => Promise.reject(new Error('unused')),
  'popup.highlight': ({ id, scroll }) => ({ shown: id && scroll ? 1 : 0 }),
  'popup.showAllIds': ({ ids }) => ({ shown: ids.length }),
};

describe('popup dispatch', () => {
  it('accepts only our extension pages, not content scripts sharing our id', () => {
    expect(isExtensionPage({ id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' })).toBe(
      true,
    );
    expect(isExtensionPage({ id: 'ext', url: 'https://evil.test/' })).toBe(false);
    expect(isExtensionPage({ id: 'other', url: 'chrome-extension://ext/x' })).toBe(false);
  });

  it('answers only the toolbar popup, not our page loaded in a tab', () => {
    const popup = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' };
    expect(isToolbarPopup(popup)).toBe(true);
    const inTab = { ...popup, url: `${popup.url}?tab=7`, tab: { id: 3 } as never };
    expect(isExtensionPage(inTab)).toBe(true);
    expect(isToolbarPopup(inTab)).toBe(false);
    expect(isToolbarPopup({ id: 'ext', url: 'https://evil.test/' })).toBe(false);
  });

  it('parses params with defaults and runs the handler', async () => {
    expect(
      await dispatchPopup(handlers, {
        method: 'popup.highlight',
        params: { id: 'B1', scroll: true },
      }),
    ).toEqual({ ok: true, result: { shown: 1 } });
    expect(
      await dispatchPopup(handlers, { method: 'popup.showAllIds', params: { on: true } }),
    ).toEqual({ ok: true, result: { shown: 0 } });
  });

  it('rejects unknown methods and bad params as invalid requests', async () => {
    const unknown = await dispatchPopup(handlers, { method: 'popup.nope', params: {} });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const bad = await dispatchPopup(handlers, { method: 'popup.highlight', params: { id: 3 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('carries a handler error across as data', async () => {
    expect(await dispatchPopup(handlers, { method: 'popup.observe', params: {} })).toMatchObject({
      ok: false,
      error: { code: 'restricted-url', message: 'no' },
    });
  });
});
