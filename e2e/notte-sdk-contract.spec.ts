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
  // Known open fault: in a full e2e run the first goto of one release's new session has twice
  // answered 504 (the browser took over 15 s), never when the spec runs alone. Until it is found,
  // a failed replay runs once more; Playwright reports such a test as flaky, not as passed.
  test.describe.configure({ retries: 1 });
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
          if (tag.requests === 'HEAD') {
            expect(answer.headers.get('x-tabsight-ignored-keys')).toContain('use_file_storage');
          }
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

/** The first recorded request whose SDK call starts with `prefix`. */
const recordedCall = (requests: readonly RecordedRequest[], prefix: string): RecordedRequest => {
  const found = requests.find((r) => r.sdk_call.startsWith(prefix));
  if (!found) {
    throw new Error(`no recorded call ${prefix}`);
  }
  return found;
};

test.describe("Notte's Python SDK on pages the recorded session did not visit", () => {
  test.skip(!HAS_NOTTE_SDK_FACTS, 'the Notte SDK wire facts are not next to this clone');

  for (const tag of SDK_TAGS) {
    test(`${tag.tag}: selectors, a file input, response_format and captcha answers parse`, async ({
      ext,
      site,
    }) => {
      const validators = answerValidators(tag);
      const requests = recordedRequests(tag);
      const isHead = tag.requests === 'HEAD';
      const post = async (
        model: string,
        path: string,
        body: unknown,
        headersOf: RecordedRequest,
      ) => {
        const res = await fetch(`${ext.bridgeUrl}${path}`, {
          method: 'POST',
          headers: sdkHeaders({ ...headersOf, body }, tag, ext.token),
          body: JSON.stringify(body),
        });
        const answer = (await res.json()) as Record<string, unknown>;
        expect(res.status, `${path}: ${JSON.stringify(answer).slice(0, 400)}`).toBe(200);
        const validate = validators.get(model)!;
        expect(validate(answer), `${path} -> ${model}:\n${errorsOf(validate)}`).toBe(true);
        return { answer, headers: res.headers };
      };
      const start = recordedCall(requests, 'client.sessions.start');
      const { answer: session } = await post(
        'SessionResponse',
        '/sessions/start',
        start.body,
        start,
      );
      const id = session.session_id as string;
      const sessionPath = `/sessions/${id}`;
      const observe = recordedCall(requests, 'client.sessions.page.observe(session_id=sid)');
      const actionModel = isHead
        ? 'ExecutionResult'
        : tag.tag === 'v1.6.0'
          ? 'ExecutionResult'
          : 'StepResponse';
      const actionPath = tag.tag.startsWith('v1.5')
        ? `${sessionPath}/page/step`
        : `${sessionPath}/page/execute`;
      const actionCall = recordedCall(
        requests,
        tag.tag.startsWith('v1.5') ? 'page.step' : 'page.execute',
      );
      // v1.5 wraps a typed action in its step body; later releases send the action itself.
      const action = (typed: Record<string, unknown>) =>
        tag.tag.startsWith('v1.5')
          ? { min_nb_actions: null, max_nb_actions: 100, action: typed }
          : { ...typed, ...(isHead ? { timeout: 15000 } : {}) };
      const goto = async (url: string) => {
        const typed = {
          type: 'goto',
          category: 'Special Browser Actions',
          description: 'Goto',
          url,
        };
        const { answer } = await post(actionModel, actionPath, action(typed), actionCall);
        expect(answer.success).toBe(true);
      };

      await goto(site.url('/notte-sdk/login.html'));
      const withSelectors = { ...(observe.body as object), selectors: true };
      const { answer: selected } = await post(
        'ObserveResponse',
        `${sessionPath}/page/observe`,
        withSelectors,
        observe,
      );
      const email = (
        selected.space as { interaction_actions: Record<string, unknown>[] }
      ).interaction_actions.find((a) => String(a.description).includes('Email'));
      expect(email?.selector).toMatchObject({ css_selector: expect.any(String) });

      await goto(site.url('/notte-sdk/upload.html'));
      const { answer: upload } = await post(
        'ObserveResponse',
        `${sessionPath}/page/observe`,
        observe.body,
        observe,
      );
      const types = (
        upload.space as { interaction_actions: { type: string }[] }
      ).interaction_actions.map((a) => a.type);
      expect(types).toContain('fill');
      // upload_file is an action type from SDK v1.5.8 on; older models reject an answer with it.
      expect(types.includes('upload_file')).toBe(!tag.tag.startsWith('v1.5'));

      const scrape = recordedCall(requests, 'client.sessions.page.scrape');
      const format = { type: 'object', properties: { title: { type: 'string' } } };
      const { answer: scraped } = await post(
        'ScrapeResponse',
        `${sessionPath}/page/scrape`,
        { ...(scrape.body as object), response_format: format },
        scrape,
      );
      expect(scraped.structured).toMatchObject({ success: false, data: null });
      expect(String((scraped.structured as { error: string }).error)).toContain('response_format');

      const defs = JSON.stringify(validators.get('ObserveResponse')?.schema ?? {});
      if (defs.includes('"solve_captcha"')) {
        const typed = {
          type: 'solve_captcha',
          category: 'Special Browser Actions',
          description: 'Solve a captcha',
          captcha_type: 'recaptcha',
        };
        const { answer } = await post(actionModel, actionPath, action(typed), actionCall);
        expect(answer).toMatchObject({
          success: false,
          message: expect.stringContaining('captcha'),
        });
      }
      if (defs.includes('"close_tab"')) {
        const opened = {
          type: 'goto_new_tab',
          category: 'Special Browser Actions',
          description: 'Open',
          url: site.url('/notte-sdk/login.html'),
        };
        await post(actionModel, actionPath, action(opened), actionCall);
        const typed = {
          type: 'close_tab',
          category: 'Special Browser Actions',
          description: 'Close the current tab',
        };
        const { answer, headers } = await post(actionModel, actionPath, action(typed), actionCall);
        expect(answer.success).toBe(true);
        expect(headers.get('x-tabsight-ignored-keys')).toBe('timeout');
      }
      await fetch(`${ext.bridgeUrl}${sessionPath}/stop`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${ext.token}` },
      });
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
