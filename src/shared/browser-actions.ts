import { BROWSER_CATEGORY, type BrowserActionOut } from './schema/observation';

const entry = (
  type: string,
  description: string,
  fields: Record<string, unknown> = {},
): BrowserActionOut => ({ type, category: BROWSER_CATEGORY, description, ...fields });

/** The fixed list of browser actions every observation offers (docs/SPEC.md section 5). */
export const BROWSER_ACTIONS: readonly BrowserActionOut[] = [
  entry('goto', 'Go to a URL in the current tab.', { url: '<url>' }),
  entry('goto_new_tab', 'Open a URL in a new tab and switch to it.', { url: '<url>' }),
  entry('close_tab', 'Close the current tab.'),
  entry('switch_tab', 'Switch to the tab at the given index in metadata.tabs.', { tab_index: 0 }),
  entry('go_back', 'Go back to the previous page in history.'),
  entry('go_forward', 'Go forward to the next page in history.'),
  entry('reload', 'Reload the current page.'),
  entry('wait', 'Wait for the given number of milliseconds, at most 30000.', { time_ms: 1000 }),
  entry('press_key', 'Press a key or a chord such as Enter or Control+A on the focused element.', {
    key: '<key>',
  }),
  entry('scroll_up', 'Scroll up by the given pixels, or by one viewport when amount is null.', {
    amount: null,
  }),
  entry('scroll_down', 'Scroll down by the given pixels, or by one viewport when amount is null.', {
    amount: null,
  }),
  entry('scrape', 'Extract the page content as markdown, optionally filtered by instructions.', {
    instructions: null,
    only_main_content: true,
  }),
  entry('form_fill', 'Fill the form fields on the page from a map such as email and first_name.', {
    value: {},
  }),
  entry('help', 'Ask the user for help, giving the reason.', { reason: '<reason>' }),
  entry('completion', 'Declare the task finished, with success and the answer.', {
    success: true,
    answer: '<answer>',
  }),
  entry('captcha_solve', 'Solve a captcha on the page (not supported locally).', {
    captcha_type: null,
  }),
];
