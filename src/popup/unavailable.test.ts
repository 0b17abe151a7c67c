import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '@shared/schema/errors';
import { explainUnavailable } from './unavailable';

const restricted: ErrorInfo = { code: 'restricted-url', message: 'no', retryable: false };
const unreachable: ErrorInfo = { code: 'content-unreachable', message: 'no', retryable: false };

describe('explainUnavailable', () => {
  it('names the net error and the URL of a page that failed to load', () => {
    const failed: ErrorInfo = {
      code: 'page-load-failed',
      message: 'the page failed to load: net::ERR_NAME_NOT_RESOLVED at http://nonexistent.invalid/',
      retryable: true,
    };
    expect(explainUnavailable('http://nonexistent.invalid/', failed)).toEqual({
      title: 'The page did not load',
      body: 'The browser shows its error page: net::ERR_NAME_NOT_RESOLVED at http://nonexistent.invalid/. Check the address and the connection, then reload the tab.',
    });
  });

  it('tells a person to reload a tab whose page crashed', () => {
    const crashed: ErrorInfo = {
      code: 'page-crashed',
      message: 'the tab\'s page crashed (Chrome shows "Aw, Snap!"): http://shop.test/',
      retryable: true,
    };
    expect(explainUnavailable('http://shop.test/', crashed)?.body).toContain('Reload the tab');
  });

  it('explains browser pages', () => {
    expect(explainUnavailable('chrome://settings/?q=x', restricted)?.body).toContain(
      'chrome://settings/',
    );
  });

  it('explains the Web Store', () => {
    expect(
      explainUnavailable('https://chromewebstore.google.com/detail/x', restricted)?.title,
    ).toBe('The Web Store is off limits');
  });

  it('explains the PDF viewer', () => {
    expect(explainUnavailable('https://x.test/a.pdf#page=2', unreachable)?.title).toBe(
      'PDFs cannot be observed',
    );
  });

  it('suggests a reload when the script is missing from a web page', () => {
    expect(explainUnavailable('https://x.test/', unreachable)?.body).toContain('Reload');
  });

  it('leaves other errors to the caller', () => {
    expect(
      explainUnavailable('https://x.test/', { code: 'timeout', message: 't', retryable: true }),
    ).toBeNull();
  });
});
