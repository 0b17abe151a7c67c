/**
 * Facts about Notte's Python SDK (`notte-sdk`) answer models, read off each release's published
 * models: which action types each era's discriminated unions know. An observation that lists any
 * other type makes that SDK reject the whole answer, so such entries are left out for it.
 */

export type SdkEra = 'sdk-1.5' | 'sdk-1.6' | 'sdk-1.8';

const V15_INTERACTION = [
  'check',
  'click',
  'fallback_fill',
  'fill',
  'multi_factor_fill',
  'select_dropdown_option',
] as const;

/** v1.5.0's list; v1.5.5 adds captcha_solve, form_fill and solve_captcha. Both send the same requests. */
const V15_BROWSER = [
  'completion',
  'go_back',
  'go_forward',
  'goto',
  'goto_new_tab',
  'help',
  'press_key',
  'reload',
  'scrape',
  'scroll_down',
  'scroll_up',
  'switch_tab',
  'wait',
] as const;

const V16_INTERACTION = [...V15_INTERACTION, 'download_file', 'upload_file'] as const;

const V16_BROWSER = [
  ...V15_BROWSER,
  'captcha_solve',
  'email_read',
  'form_fill',
  'sms_read',
  'solve_captcha',
] as const;

const V18_BROWSER = [
  ...V15_BROWSER,
  'captcha_solve',
  'close_tab',
  'email_read',
  'evaluate_js',
  'form_fill',
  'sms_read',
] as const;

export const SDK_ACTION_TYPES: Record<SdkEra, ReadonlySet<string>> = {
  'sdk-1.5': new Set<string>([...V15_INTERACTION, ...V15_BROWSER]),
  'sdk-1.6': new Set<string>([...V16_INTERACTION, ...V16_BROWSER]),
  'sdk-1.8': new Set<string>([...V16_INTERACTION, ...V18_BROWSER]),
};

/** The header the SDK sends its own version in, from v1.7 on. */
export const SDK_VERSION_HEADER = 'x-notte-sdk-version';
