import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '@shared/schema/errors';
import { explainUnavailable } from './unavailable';

const restricted: ErrorInfo = { code: 'restricted-url', message: 'no', retryable: false };
const unreachable: ErrorInfo = { code: 'content-unreachable', message: 'no', retryable: false };

describe('explainUnavailable', () => {
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
