import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TabsightError } from '@shared/schema/errors';

const state = { tabs: new Set<number>(), documents: new Set<string>() };

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      get: (id: number) =>
        state.tabs.has(id)
          ? Promise.resolve({ id, status: 'complete' })
          : Promise.reject(new Error(`No tab with id: ${id}.`)),
      onUpdated: { addListener: () => {}, removeListener: () => {} },
    },
    webNavigation: {
      getFrame: ({ documentId }: { documentId: string }) =>
        Promise.resolve(state.documents.has(documentId) ? { frameId: 0 } : null),
    },
  },
}));
const { pageGoneError, retryOnceIfPageGone } = await import('./page-gone');

const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');

beforeEach(() => {
  state.tabs = new Set([1]);
  state.documents = new Set(['doc-a']);
});

describe('pageGoneError', () => {
  it('tells a replaced document from a page without a content script', async () => {
    expect(await pageGoneError({ tabId: 1, documentId: 'doc-a' }, NO_RECEIVER)).toBeNull();
    expect(await pageGoneError({ tabId: 1, documentId: 'doc-old' }, NO_RECEIVER)).toMatchObject({
      code: 'tab-not-found',
      retryable: true,
      message: expect.stringMatching(/navigated away/) as unknown,
    });
  });

  it('says the tab was closed when it is gone', async () => {
    const closed = new Error('The message port closed before a response was received.');
    state.tabs.clear();
    expect(await pageGoneError({ tabId: 1 }, closed)).toMatchObject({
      code: 'tab-not-found',
      retryable: false,
      message: expect.stringMatching(/tab was closed/) as unknown,
    });
  });

  it('leaves other errors alone', async () => {
    expect(await pageGoneError({ tabId: 1 }, new Error('boom'))).toBeNull();
    expect(await pageGoneError({ tabId: 1 }, new TabsightError('timeout', 'slow'))).toBeNull();
  });
});

describe('retryOnceIfPageGone', () => {
  const navigated = () => new TabsightError('tab-not-found', 'navigated away', undefined, true);

  it('retries once after a navigation, and only once', async () => {
    const attempt = vi.fn().mockRejectedValueOnce(navigated()).mockResolvedValueOnce('new page');
    await expect(retryOnceIfPageGone(1, attempt)).resolves.toBe('new page');
    const twice = vi.fn().mockRejectedValue(navigated());
    await expect(retryOnceIfPageGone(1, twice)).rejects.toMatchObject({ code: 'tab-not-found' });
    expect(twice).toHaveBeenCalledTimes(2);
  });

  it('does not retry a timeout, and turns a raw failure in a closed tab into tab-not-found', async () => {
    const hung = vi.fn().mockRejectedValue(new TabsightError('timeout', 'hung'));
    await expect(retryOnceIfPageGone(1, hung)).rejects.toMatchObject({ code: 'timeout' });
    expect(hung).toHaveBeenCalledTimes(1);
    state.tabs.clear();
    const raw = vi.fn().mockRejectedValue(new Error('No tab with id: 1.'));
    await expect(retryOnceIfPageGone(1, raw)).rejects.toMatchObject({
      code: 'tab-not-found',
      retryable: false,
    });
  });
});
