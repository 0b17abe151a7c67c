/**
 * Which form fields hold secrets, by the HTML autofill tokens (`autocomplete`) and, for pages
 * that do not set them, by the field's name and id. Observations mask their values; form_fill
 * keeps password and payment values to the page's own origin.
 */

export type Secrecy = 'password' | 'payment' | 'one-time-code' | 'secret';

const PASSWORD_TOKENS = new Set(['current-password', 'new-password']);
const ONE_TIME_TOKENS = new Set(['one-time-code']);
// HTML autofill tokens for card details: cc-name is the cardholder, not a secret.
const PAYMENT_TOKENS = new Set([
  'cc-number',
  'cc-csc',
  'cc-exp',
  'cc-exp-month',
  'cc-exp-year',
  'cc-type',
]);

// Names and ids are matched whole-word-ish on their own, not against label text, so a "Password
// hint" label does not make a field secret but `name="user_password"` does.
const NAME_PATTERNS: [RegExp, Secrecy][] = [
  [/pass(word|wd|code)?(?![a-z])|pwd|passphrase/i, 'password'],
  [
    /card.?(num|no\b)|cc.?(num|no\b)|\bpan\b|cvc|cvv|csc|card.?code|security.?code|cc.?exp|card.?exp|exp(iry|iration)?.?(date|month|year|mm|yy)/i,
    'payment',
  ],
  [/otp|one.?time|totp|2fa|mfa|verification.?code|auth.?code|sms.?code/i, 'one-time-code'],
  [
    /ssn|social.?sec|national.?id|tax.?id|\btin\b|api.?key|apikey|secret|token|access.?key|private.?key|client.?key/i,
    'secret',
  ],
];

/** The autofill tokens of a field, lower-cased (section-*, shipping and the like included). */
function autofillTokens(element: Element): string[] {
  return (element.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether and how a field's value is secret; null for an ordinary field. */
export function secrecyOf(element: Element): Secrecy | null {
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'password') {
    return 'password';
  }
  const tokens = autofillTokens(element);
  if (tokens.some((t) => PASSWORD_TOKENS.has(t))) {
    return 'password';
  }
  if (tokens.some((t) => PAYMENT_TOKENS.has(t))) {
    return 'payment';
  }
  if (tokens.some((t) => ONE_TIME_TOKENS.has(t))) {
    return 'one-time-code';
  }
  const names = `${element.getAttribute('name') ?? ''} ${element.id}`;
  for (const [pattern, secrecy] of NAME_PATTERNS) {
    if (pattern.test(names)) {
      return secrecy;
    }
  }
  return null;
}

/**
 * A secret value as observations show it: its length and, except for passwords, its last four
 * characters when it is long enough for them not to be the secret (`value: 16 chars, ends 1111`).
 */
export function maskedValue(value: string, secrecy: Secrecy): string {
  if (value.length === 0) {
    return '';
  }
  const length = `${value.length} char${value.length === 1 ? '' : 's'}`;
  if (secrecy === 'password' || value.length < 12) {
    return `(hidden: ${length})`;
  }
  return `(hidden: ${length}, ends ${value.slice(-4)})`;
}

let revealing = false;

/**
 * Runs `work` (one synchronous collect) with secret values shown as they are, when the agent
 * asked for them (`reveal_secrets`); passwords stay hidden even then.
 */
export function withSecrets<T>(reveal: boolean, work: () => T): T {
  const before = revealing;
  revealing = reveal;
  try {
    return work();
  } finally {
    revealing = before;
  }
}

/** A field's value as an observation may show it: masked when the field holds a secret. */
export function shownValue(element: Element, value: string): string {
  const secrecy = secrecyOf(element);
  if (!secrecy || (revealing && secrecy !== 'password')) {
    return value;
  }
  return maskedValue(value, secrecy);
}

// Per-page anti-forgery tokens and nonces in `<meta>`: a request credential, not page data.
const SECRET_META = /csrf|xsrf|token|nonce|secret|api.?key/i;

/** Whether a `<meta name>` holds a credential that observations leave out. */
export const isSecretMeta = (name: string): boolean => !revealing && SECRET_META.test(name);
