import { ErrorBody } from '../src/shared/schema/errors';
import { expect, test } from './support/fixtures';

test.describe('bad input gets a clear error and the bridge keeps serving', () => {
  const cases: Array<{
    name: string;
    status: number;
    request: (url: string, token: string) => [string, RequestInit];
  }> = [
    {
      name: 'no token',
      status: 401,
      request: (url) => [`${url}/sessions`, {}],
    },
    {
      name: 'wrong token',
      status: 401,
      request: (url) => [`${url}/sessions`, { headers: { authorization: 'Bearer nope' } }],
    },
    {
      name: 'a body with an unknown key',
      status: 422,
      request: (url, token) => [
        `${url}/sessions/start`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ timeout_minutes: 'soon', colour: 'blue' }),
        },
      ],
    },
    {
      name: 'an unknown session',
      status: 404,
      request: (url, token) => [
        `${url}/sessions/0123456789abcdef/page/observe`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        },
      ],
    },
    {
      name: "a web page's Origin",
      status: 403,
      request: (url, token) => [
        `${url}/sessions`,
        { headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' } },
      ],
    },
  ];

  for (const c of cases) {
    test(`${c.name} → ${c.status}`, async ({ ext, client }) => {
      const [url, init] = c.request(ext.bridgeUrl, ext.token);
      const res = await fetch(url, init);
      expect(res.status).toBe(c.status);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const body = ErrorBody.parse(await res.json());
      expect(body.message.length).toBeGreaterThan(0);
      if (c.status === 422) {
        expect(body.detail).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ loc: expect.any(Array), msg: expect.any(String) }),
          ]),
        );
      }
      // Still serving.
      expect(Array.isArray(await client.list())).toBe(true);
    });
  }
});
