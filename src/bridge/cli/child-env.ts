import type { Env } from '../config/config-dir';

/**
 * Variables Chromium and the bridge read: the user's session (display, locale, home, temp and
 * runtime dirs, D-Bus, fonts, sound), proxies Chromium honours, and our own settings.
 */
const KEEP_NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'TMPDIR',
  'DISPLAY',
  'WAYLAND_DISPLAY',
  'XAUTHORITY',
  'DBUS_SESSION_BUS_ADDRESS',
  'PULSE_SERVER',
  'CHROME_PATH',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
]);
const KEEP_PREFIXES = ['LC_', 'XDG_', 'TABSIGHT_', 'FONTCONFIG_', 'GTK_', 'QT_'];
/** Never passed on, even under a kept prefix: names that say they hold a credential. */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSW|CREDENTIAL|COOKIE|AUTH|SESSION/i;

/** Whether a variable of this name goes to Chromium and, through it, to the bridge. */
export function keepsVariable(name: string): boolean {
  const listed = KEEP_NAMES.has(name) || KEEP_PREFIXES.some((p) => name.startsWith(p));
  return (
    listed && (!SECRET_NAME.test(name) || name === 'XAUTHORITY' || name === 'XDG_SESSION_TYPE')
  );
}

/**
 * The environment for the browser `start` launches (the bridge is its child and inherits it):
 * only what they need, so an agent's API keys (OPENAI_API_KEY, AWS_*, GITHUB_TOKEN …) in the
 * launching shell never reach a process a web page talks to. `extra` is added after scrubbing.
 */
export function scrubbedEnv(env: Env, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && keepsVariable(name)) {
      out[name] = value;
    }
  }
  return { ...out, ...extra };
}
