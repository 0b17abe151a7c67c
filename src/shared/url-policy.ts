import { TabsightError } from './schema/errors';

/** What the user allowed at start-up; agents cannot change it. */
export interface UrlPolicy {
  /** `start --allow-file-urls` / TABSIGHT_ALLOW_FILE_URLS=1: file: pages may be opened and read. */
  allowFileUrls: boolean;
}

export const ALLOW_FILE_URLS_HINT =
  'the user can allow file: pages by starting Tabsight with `node dist-bridge/cli.js start --allow-file-urls` (or TABSIGHT_ALLOW_FILE_URLS=1 in the environment of the browser that starts the bridge)';

/** Schemes of the browser's own pages: never opened or read for an agent, whatever the start-up flags. */
const BROWSER_INTERNAL = new Set([
  'chrome:',
  'chrome-extension:',
  'chrome-untrusted:',
  'chrome-search:',
  'devtools:',
  'view-source:',
  'edge:',
  'about:',
]);
/** Schemes whose address is itself the content or a script, not a page to go to. */
const SELF_CONTAINED = new Set(['javascript:', 'data:', 'blob:', 'filesystem:']);

export type UrlVerdict = { ok: true } | { ok: false; message: string; hint: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const WEB_AUTHORITY = /^https?:\/\/[^/?#\s]/i;

/**
 * The rule for where an agent may take a tab and what it may read: web pages (http:, https:) and
 * the empty page about:blank. file: reads this machine's files (the bridge token among them) and
 * needs the user's opt-in at start-up. Browser-internal pages (chrome:, chrome-extension: ours
 * included, devtools:, view-source:, about: other than blank) hold settings, other tabs and the
 * extension's own privileged pages: never. javascript:, data:, blob: and filesystem: carry their
 * own content or run script in the current page instead of naming a page: never.
 */
export function judgeUrl(url: string, policy: UrlPolicy): UrlVerdict {
  // Read by the URL syntax's scheme rule, not `new URL`: this module runs in every context, and
  // anything that does not start with a clean scheme (control characters, leading spaces) is refused.
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  const web = scheme === 'http' || scheme === 'https';
  if (scheme === undefined || (web && !WEB_AUTHORITY.test(url))) {
    return { ok: false, message: `${url} is not a URL`, hint: 'give an absolute http(s) URL' };
  }
  const protocol = `${scheme}:`;
  if (protocol === 'http:' || protocol === 'https:' || url === 'about:blank') {
    return { ok: true };
  }
  if (protocol === 'file:') {
    return policy.allowFileUrls
      ? { ok: true }
      : {
          ok: false,
          message: `${url} is a local file: file: pages are off because they expose this machine's files`,
          hint: ALLOW_FILE_URLS_HINT,
        };
  }
  if (BROWSER_INTERNAL.has(protocol)) {
    return {
      ok: false,
      message: `${url} is a browser-internal page (${protocol}); agents never open or read those`,
      hint: 'navigate to a web page (http or https); no start-up flag allows browser-internal pages',
    };
  }
  if (SELF_CONTAINED.has(protocol)) {
    return {
      ok: false,
      message: `${url} is a ${protocol} URL, which carries its own content or script rather than naming a page`,
      hint: 'serve the page over http(s) (a loopback server is fine) and navigate there',
    };
  }
  return {
    ok: false,
    message: `${url} uses the ${protocol} scheme; only http, https and about:blank are navigable`,
    hint: 'navigate to a web page (http or https)',
  };
}

/** Throws a `restricted-url` error (HTTP 422) when the policy refuses the URL. */
export function assertNavigable(url: string, policy: UrlPolicy): void {
  const verdict = judgeUrl(url, policy);
  if (!verdict.ok) {
    throw new TabsightError('restricted-url', verdict.message, verdict.hint);
  }
}

/** TABSIGHT_ALLOW_FILE_URLS=1 (or true) in the bridge's environment. */
export const urlPolicyOf = (env: Readonly<Record<string, string | undefined>>): UrlPolicy => ({
  allowFileUrls: /^(1|true|yes)$/i.test(env.TABSIGHT_ALLOW_FILE_URLS ?? ''),
});
