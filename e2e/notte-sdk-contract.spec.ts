import { expect, test } from './support/fixtures';
import {
  HAS_NOTTE_SDK_FACTS,
  SDK_TAGS,
  answerModelsOf,
  answerValidators,
  errorsOf,
  expectedStatusOf,
  recordedRequests,
  recordedSessionId,
  sdkHeaders,
  substituted,
  type RecordedRequest,
  type SdkTag,
} from './support/notte-sdk-replay';

const RECORDED_LOGIN_URL = 'http://127.0.0.1:18651/login.html';
const WRONG_TOKEN = 'wrong-token';

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

test.describe("Notte's Python SDK, replayed request by request", () => {
  test.skip(!HAS_NOTTE_SDK_FACTS, 'the Notte SDK wire facts are not next to this clone');

  for (const tag of SDK_TAGS) {
    test(`${tag.tag}: a full session parses with that release's answer models`, async ({
      ext,
      site,
    }) => {
      const validators = answerValidators(tag);
      const send = async (recorded: RecordedRequest, token = ext.token): Promise<Answer> => {
        const res = await fetch(`${ext.bridgeUrl}${recorded.path}`, {
          method: recorded.method,
          headers: sdkHeaders(recorded, tag, token),
          ...(recorded.body === null ? {} : { body: JSON.stringify(recorded.body) }),
        });
        return { status: res.status, body: await res.json(), headers: res.headers };
      };
      const expectModels = (recorded: RecordedRequest, body: unknown, models: string[]) => {
        const items = Array.isArray(body) ? body : [body];
        for (const model of models) {
          const validate = validators.get(model);
          expect(validate, `${tag.tag} has a ${model} model`).toBeDefined();
          for (const item of items) {
            expect(
              validate!(item),
              `${recorded.sdk_call} -> ${model}:\n${errorsOf(validate!)}`,
            ).toBe(true);
          }
        }
      };

      const recorded = recordedRequests(tag);
      const recordedSid = recordedSessionId(recorded);
      let from: Record<string, string> = {
        [RECORDED_LOGIN_URL]: site.url('/notte-sdk/login.html'),
      };
      const started: string[] = [];
      const answers = new Map<string, Answer>();

      for (const original of recorded) {
        const call = substituted(original, from);
        const expected = expectedStatusOf(call);
        const answer = await send(call, expected === 401 ? WRONG_TOKEN : ext.token);
        expect(answer.status, `${call.sdk_call}: ${JSON.stringify(answer.body)}`).toBe(expected);
        answers.set(call.sdk_call, answer);
        if (expected !== 200) {
          expect(answer.body).toMatchObject({ message: expect.any(String) });
          continue;
        }
        if (call.path === '/sessions/start') {
          const id = (answer.body as { session_id: string }).session_id;
          started.push(id);
          if (started.length === 1) {
            from = { ...from, [recordedSid]: id };
            // The recorded runs began on the page; this one opens it before the first observe.
            await openLoginPage(ext.bridgeUrl, ext.token, id, site.url('/notte-sdk/login.html'));
          }
        }
        expectModels(call, answer.body, answerModelsOf(call, tag));
      }

      // The fill, check and click steps changed the page, as the scrape after them shows.
      const scrape = [...answers.entries()].find(([sdkCall]) => sdkCall.includes('page.scrape'));
      expect((scrape?.[1].body as { markdown: string }).markdown).toContain(
        'Signed in as maya@example.com (remembered)',
      );
      const list = answers.get('client.sessions.list()')?.body as { session_id: string }[];
      expect(list.map((s) => s.session_id)).toContain(started[0]);
      for (const id of started.slice(1)) {
        await fetch(`${ext.bridgeUrl}/sessions/${id}/stop`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${ext.token}` },
        });
      }
    });
  }
});

async function openLoginPage(bridgeUrl: string, token: string, sessionId: string, url: string) {
  const res = await fetch(`${bridgeUrl}/sessions/${sessionId}/page/execute`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'goto', url }),
  });
  expect(res.status).toBe(200);
}

export type { SdkTag };
