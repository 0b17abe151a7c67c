import type { PopupStatus } from '@shared/protocol/popup';
import { copyButton } from './copy-button';
import { diagnoseLink } from './diagnose';
import { h, withCode } from './dom';

const TOKEN_HINT = 'npm run token';

/** A one-line summary for the footer: a coloured dot, the state in words, the URL if any. */
export function statusPill(status: PopupStatus | null): HTMLElement {
  if (!status) {
    return h('span', { class: 'pill', 'data-state': 'connecting' }, 'Bridge…');
  }
  const diagnosis = diagnoseLink(status.link);
  const url = diagnosis.state === 'connected' ? status.link.host?.url : null;
  const sessions = status.sessions.length;
  return h(
    'span',
    { class: 'pill', 'data-state': diagnosis.state },
    h('span', { class: 'pill-title' }, diagnosis.title),
    url ? h('span', { class: 'muted' }, ` · ${url}`) : null,
    sessions
      ? h('span', { class: 'muted' }, ` · ${sessions} session${sessions === 1 ? '' : 's'}`)
      : null,
  );
}

/** The bridge: connected or why not, its URL, how to get the token, the active sessions. */
export function statusView(status: PopupStatus): HTMLElement {
  const diagnosis = diagnoseLink(status.link);
  const url = status.link.host?.url ?? null;
  return h(
    'div',
    { class: 'view status', 'data-state': diagnosis.state },
    h(
      'section',
      { class: 'link' },
      h('h2', {}, h('span', { class: 'dot', 'aria-hidden': 'true' }), diagnosis.title),
      diagnosis.hint ? h('p', { class: 'hint-text' }, ...withCode(diagnosis.hint)) : null,
      diagnosis.detail ? h('p', { class: 'detail' }, h('code', {}, diagnosis.detail)) : null,
      h(
        'dl',
        {},
        h('dt', {}, 'URL'),
        h(
          'dd',
          {},
          url
            ? h('code', { class: 'bridge-url' }, url)
            : h('span', { class: 'muted' }, 'not listening'),
          url ? copyButton('Copy', () => url) : null,
        ),
        h('dt', {}, 'Token'),
        h(
          'dd',
          {},
          h('span', {}, 'Kept in your config dir: run '),
          h('code', {}, TOKEN_HINT),
          h('span', {}, ' (or '),
          h('code', {}, 'node dist-bridge/cli.js token'),
          h('span', {}, ').'),
          copyButton('Copy command', () => TOKEN_HINT),
        ),
      ),
    ),
    h(
      'section',
      { class: 'sessions' },
      h('h2', {}, `Active sessions (${status.sessions.length})`),
      status.sessions.length
        ? h(
            'ul',
            {},
            ...status.sessions.map(({ session, tabs }) =>
              h(
                'li',
                {},
                h(
                  'code',
                  { class: 'session-id', title: session.session_id },
                  session.session_id.slice(0, 12),
                ),
                h(
                  'span',
                  { class: 'muted' },
                  ` · ${session.duration} · idle timeout ${session.timeout_minutes} min`,
                ),
                h(
                  'ol',
                  { start: 0 },
                  ...tabs.map((tab) =>
                    h('li', { title: tab.url }, tab.title || tab.url || '(blank)'),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No agent has a session open.'),
    ),
  );
}
