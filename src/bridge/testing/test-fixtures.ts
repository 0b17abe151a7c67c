import { identityProofOf } from '../http/identity-proof';
import type { ExecuteResponse } from '@shared/schema/execute';
import type { Observation } from '@shared/schema/observation';
import type { Session } from '@shared/schema/session';

/** Wire-valid sample objects shared by the bridge's unit tests. */
export const NOW = '2026-11-28T12:00:00.000Z';

export const sampleSession = (over: Partial<Session> = {}): Session => ({
  session_id: 'sess_abc123',
  timeout_minutes: 3,
  created_at: NOW,
  closed_at: null,
  last_accessed_at: NOW,
  duration: 'PT1S',
  status: 'active',
  error: null,
  proxies: false,
  browser_type: 'chromium',
  ...over,
});

export const sampleObservation = (): Observation => ({
  metadata: {
    title: 'Example',
    url: 'https://example.test/',
    viewport: {
      scroll_x: 0,
      scroll_y: 0,
      viewport_width: 1280,
      viewport_height: 720,
      total_width: 1280,
      total_height: 2000,
    },
    tabs: [{ tab_id: 0, title: 'Example', url: 'https://example.test/' }],
    timestamp: NOW,
  },
  screenshot: null,
  space: {
    description: 'B1 button "Go"',
    interaction_actions: [
      { type: 'click', category: 'Interaction Actions', description: 'button "Go"', id: 'B1' },
    ],
    category: 'other',
    actions: [
      { type: 'click', category: 'Interaction Actions', description: 'button "Go"', id: 'B1' },
    ],
    browser_actions: [],
    markdown: '# Interaction Actions\n* B1: button "Go"',
  },
  data: null,
  progress: { current_step: 0, max_steps: 20 },
  session: sampleSession(),
});

export const sampleExecute = (action: ExecuteResponse['action']): ExecuteResponse => ({
  action,
  success: true,
  message: 'done',
  data: null,
  exception: null,
  started_at: NOW,
  ended_at: NOW,
  session: sampleSession(),
});

export const sampleHello = {
  extension_id: 'edlikapfpmbmoebgacabcmkfeikhnkmi',
  version: '0.1.0',
  protocol_version: '2.0.0',
};

/**
 * Wraps a fake fetch so that `GET /identity` answers as the bridge holding `token` on the URL's
 * port would (or as a squatter without it, `token: null`); other requests go to `rest`.
 */
export function withIdentity(
  token: string | null,
  rest: (url: string, init: RequestInit) => Promise<Response>,
): typeof fetch {
  return async (input: string | URL | Request, init: RequestInit = {}) => {
    const href = input instanceof Request ? input.url : input.toString();
    const url = new URL(href);
    if (url.pathname !== '/identity') {
      return rest(href, init);
    }
    const challenge = url.searchParams.get('challenge') ?? '';
    const port = Number(url.port || 80);
    const proof = token === null ? '0'.repeat(64) : identityProofOf(token, port, challenge);
    return Response.json({ proof });
  };
}
