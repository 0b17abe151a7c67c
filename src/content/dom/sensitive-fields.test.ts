import { describe, expect, it } from 'vitest';
import { isSecretMeta, maskedValue, secrecyOf, shownValue, withSecrets } from './sensitive-fields';

const field = (html: string): Element => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

describe('secrecyOf', () => {
  it.each([
    ['<input type="password">', 'password'],
    ['<input type="text" autocomplete="current-password">', 'password'],
    ['<input autocomplete="section-a billing cc-number">', 'payment'],
    ['<input autocomplete="cc-csc">', 'payment'],
    ['<input autocomplete="cc-exp">', 'payment'],
    ['<input name="cvv">', 'payment'],
    ['<input autocomplete="one-time-code">', 'one-time-code'],
    ['<input name="otp">', 'one-time-code'],
    ['<input name="ssn">', 'secret'],
    ['<input id="api_key">', 'secret'],
  ])('%s is %s', (html, secrecy) => {
    expect(secrecyOf(field(html))).toBe(secrecy);
  });

  it.each(['<input autocomplete="cc-name">', '<input name="email">', '<input name="city">'])(
    '%s is no secret',
    (html) => {
      expect(secrecyOf(field(html))).toBeNull();
    },
  );
});

describe('masking', () => {
  it('shows the length, and the last four characters of long values only', () => {
    expect(maskedValue('4111111111111111', 'payment')).toBe('(hidden: 16 chars, ends 1111)');
    expect(maskedValue('737', 'payment')).toBe('(hidden: 3 chars)');
    expect(maskedValue('correct-horse-battery', 'password')).toBe('(hidden: 21 chars)');
    expect(maskedValue('', 'payment')).toBe('');
  });

  it('reveals on request, never a password', () => {
    const card = field('<input autocomplete="cc-number">');
    expect(shownValue(card, '4111111111111111')).not.toContain('4111111111111111');
    expect(withSecrets(true, () => shownValue(card, '4111111111111111'))).toBe('4111111111111111');
    const shown = field('<input type="text" autocomplete="new-password">');
    expect(withSecrets(true, () => shownValue(shown, 'hunter2'))).toBe('(hidden: 7 chars)');
  });

  it('leaves anti-forgery meta tags out unless revealing', () => {
    expect(isSecretMeta('csrf-token')).toBe(true);
    expect(isSecretMeta('description')).toBe(false);
    expect(withSecrets(true, () => isSecretMeta('csrf-token'))).toBe(false);
  });
});
