import type { LinkState } from '@shared/protocol/popup';

export interface LinkDiagnosis {
  state: 'connected' | 'connecting' | 'disconnected';
  /** One line: what is wrong, in the user's terms. */
  title: string;
  /** What to do about it, or null when nothing is needed. */
  hint: string | null;
  /** The browser's or the host's own words, shown as a detail. */
  detail: string | null;
}

/**
 * Chromium's `runtime.lastError` messages for a native port (extensions/browser/api/messaging/
 * native_message_port.cc), mapped to what a user can do about them.
 */
const BROWSER_MESSAGES: { match: RegExp; title: string; hint: string }[] = [
  {
    match: /native messaging host not found/i,
    title: 'Bridge host not registered',
    hint: 'Run `npm run register` (or `node dist-bridge/cli.js register`), then reopen this popup.',
  },
  {
    match: /native host has exited/i,
    title: 'Bridge host exited',
    hint: 'See the bridge log; the port may be in use by another bridge. Run `npm start` to restart.',
  },
  {
    match: /forbidden/i,
    title: 'Bridge host refuses this extension',
    hint: 'The host manifest lists another extension id; run `npm run register` again.',
  },
  {
    match: /Error when communicating/i,
    title: 'Bridge connection failed',
    hint: 'A message was too large or the host misbehaved; it reconnects by itself.',
  },
];

const IN_USE = /EADDRINUSE|address already in use|in use/i;

export function diagnoseLink(link: LinkState): LinkDiagnosis {
  if (link.host?.error) {
    const inUse = IN_USE.test(link.host.error);
    return {
      state: 'disconnected',
      title: inUse ? 'Bridge port in use' : 'Bridge cannot listen',
      hint: inUse
        ? 'Another program (maybe another bridge) holds the port; stop it or set TABSIGHT_PORT.'
        : 'See the bridge log.',
      detail: link.host.error,
    };
  }
  if (link.connected) {
    return { state: 'connected', title: 'Bridge connected', hint: null, detail: null };
  }
  if (link.last_error === null) {
    return {
      state: 'connecting',
      title: 'Connecting to the bridge…',
      hint: 'If this lasts, run `npm start`.',
      detail: null,
    };
  }
  const known = BROWSER_MESSAGES.find((m) => m.match.test(link.last_error ?? ''));
  return {
    state: 'disconnected',
    title: known?.title ?? 'Bridge disconnected',
    hint: known?.hint ?? 'It reconnects by itself; if not, run `npm start`.',
    detail: link.last_error,
  };
}
