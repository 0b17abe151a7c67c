import { describe, expect, it } from 'vitest';
import { withIdentity } from '../testing/test-fixtures';
import { reloadWelcomeTab } from './reload-welcome';

type Call = { method: string; url: string; body: unknown; auth: string | null };

function fakeBridge(answers: Record<string, { status: number; body: unknown }>) {
  const calls: Call[] = [];
  const fetchImpl = withIdentity('t0k', (url: string, init: RequestInit) => {
    const path = new URL(url).pathname;
    calls.push({
      method: init.method ?? 'GET',
      url: path,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      auth: new Headers(init.headers).get('authorization'),
    });
    const key = Object.keys(answers).find((k) => path.endsWith(k));
    const answer = key ? answers[key]! : { status: 404, body: { message: 'no route' } };
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status }));
  });
  return { calls, fetchImpl };
}

const options = {
  bridgeUrl: 'http://127.0.0.1:9',
  token: 't0k',
  welcomeUrl: 'http://127.0.0.1:8/',
};

describe('reloadWelcomeTab', () => {
  it('adopts the active tab with the welcome URL, then stops that session', async () => {
    const bridge = fakeBridge({
      '/sessions/start': { status: 200, body: { session_id: 's1' } },
      '/sessions/s1/stop': { status: 200, body: { session_id: 's1', status: 'closed' } },
    });
    expect(await reloadWelcomeTab({ ...options, fetchImpl: bridge.fetchImpl })).toBeNull();
    expect(bridge.calls).toEqual([
      {
        method: 'POST',
        url: '/sessions/start',
        body: { attach: 'active_tab', url: 'http://127.0.0.1:8/' },
        auth: 'Bearer t0k',
      },
      { method: 'DELETE', url: '/sessions/s1/stop', body: undefined, auth: 'Bearer t0k' },
    ]);
  });

  it('sends nothing with the token to a process that cannot prove it is the bridge', async () => {
    const calls: string[] = [];
    const squatter = withIdentity(null, (url) => {
      calls.push(url);
      return Promise.resolve(Response.json({ session_id: 's1' }));
    });
    const why = await reloadWelcomeTab({ ...options, fetchImpl: squatter });
    expect(why).toMatch(/is not the Tabsight bridge/);
    expect(calls).toEqual([]);
  });

  it('says what failed instead of throwing', async () => {
    const bridge = fakeBridge({
      '/sessions/start': { status: 409, body: { message: 'there is no focused tab to adopt' } },
    });
    const why = await reloadWelcomeTab({ ...options, fetchImpl: bridge.fetchImpl });
    expect(why).toMatch(/POST \/sessions\/start: 409 .*no focused tab/);
    expect(bridge.calls).toHaveLength(1);
  });
});
