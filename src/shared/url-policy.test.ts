import { describe, expect, it } from 'vitest';
import { assertNavigable, judgeUrl, urlPolicyOf } from './url-policy';

const off = { allowFileUrls: false };
const on = { allowFileUrls: true };

describe('judgeUrl', () => {
  it('lets web pages and about:blank through', () => {
    for (const url of ['http://shop.test/', 'https://example.com/a?b', 'about:blank']) {
      expect(judgeUrl(url, off)).toEqual({ ok: true });
    }
  });

  it('refuses file: unless the user opted in, saying how', () => {
    expect(judgeUrl('file:///etc/passwd', off)).toMatchObject({
      ok: false,
      hint: /--allow-file-urls.*TABSIGHT_ALLOW_FILE_URLS=1/,
    });
    expect(judgeUrl('file:///tmp/page.html', on)).toEqual({ ok: true });
  });

  it('refuses browser-internal pages even with the opt-in', () => {
    for (const url of [
      'chrome://settings',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html?tab=3',
      'devtools://devtools/bundled/inspector.html',
      'view-source:http://shop.test/',
      'about:version',
      'chrome-untrusted://terminal/',
    ]) {
      expect(judgeUrl(url, on)).toMatchObject({ ok: false, message: /browser-internal/ });
    }
  });

  it('refuses addresses that carry their own content or script', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<p>hi', 'blob:http://a.test/x']) {
      expect(judgeUrl(url, on)).toMatchObject({ ok: false, message: /own content or script/ });
    }
    expect(judgeUrl('ftp://a.test/', on)).toMatchObject({ ok: false, message: /ftp: scheme/ });
  });

  it('throws restricted-url for refusals', () => {
    expect(() => assertNavigable('file:///', off)).toThrow(
      expect.objectContaining({ code: 'restricted-url' }),
    );
  });

  it('reads the opt-in from the environment', () => {
    expect(urlPolicyOf({ TABSIGHT_ALLOW_FILE_URLS: '1' })).toEqual(on);
    expect(urlPolicyOf({})).toEqual(off);
    expect(urlPolicyOf({ TABSIGHT_ALLOW_FILE_URLS: '0' })).toEqual(off);
  });
});
