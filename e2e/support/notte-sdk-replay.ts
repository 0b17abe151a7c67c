import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { REPO_ROOT } from './launch';

/**
 * Wire facts about Notte's Python SDK: per release, every request it sent in one session
 * (requests.json) and the JSON Schemas of its answer models (schemas/<tag>.json). They live next
 * to the repository, not in it; set TABSIGHT_NOTTE_SDK to point elsewhere.
 */
export const NOTTE_SDK_DIR = path.resolve(
  REPO_ROOT,
  process.env.TABSIGHT_NOTTE_SDK ?? path.join('..', 'shared', 'notte-sdk'),
);
export const HAS_NOTTE_SDK_FACTS = existsSync(path.join(NOTTE_SDK_DIR, 'requests.json'));

export interface RecordedRequest {
  sdk_call: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers: string[];
  body: unknown;
}

/** The releases replayed, with the requests each one sent (v1.8.31 sends what HEAD sends). */
export const SDK_TAGS = [
  { tag: 'v1.5.0', requests: 'v1.5.0', version: null },
  { tag: 'v1.5.5', requests: 'v1.5.5', version: null },
  { tag: 'v1.6.0', requests: 'v1.6.0', version: null },
  { tag: 'v1.8.31', requests: 'HEAD', version: '1.8.31' },
  { tag: 'HEAD', requests: 'HEAD', version: '1.9.0' },
] as const;
export type SdkTag = (typeof SDK_TAGS)[number];

export function recordedRequests(tag: SdkTag): RecordedRequest[] {
  const all = JSON.parse(readFileSync(path.join(NOTTE_SDK_DIR, 'requests.json'), 'utf8')) as Record<
    string,
    { requests: RecordedRequest[] }
  >;
  const entry = all[tag.requests];
  if (!entry) {
    throw new Error(`requests.json has no entry for ${tag.requests}`);
  }
  return entry.requests;
}

const ISO_DURATION =
  /^P(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?W)?(\d+(?:\.\d+)?D)?(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?$/;

/** One validator per answer model of a release, with formats (date-time, duration) checked. */
export function answerValidators(tag: SdkTag): Map<string, ValidateFunction> {
  const models = JSON.parse(
    readFileSync(path.join(NOTTE_SDK_DIR, 'schemas', `${tag.tag}.json`), 'utf8'),
  ) as Record<string, object>;
  const validators = new Map<string, ValidateFunction>();
  for (const [name, schema] of Object.entries(models)) {
    // strict off: pydantic writes keywords JSON Schema does not define (discriminator mapping).
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // pydantic reads ISO 8601 durations with fractional seconds (PT41.5S); ajv-formats' pattern
    // allows whole numbers only, so it would refuse what the SDK itself parses.
    ajv.addFormat('duration', ISO_DURATION);
    validators.set(name, ajv.compile(schema));
  }
  return validators;
}

/** Headers as the SDK sends them, with this run's token and (from v1.7) its version. */
export function sdkHeaders(
  recorded: RecordedRequest,
  tag: SdkTag,
  token: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    'User-Agent': 'python-requests/2.32.3',
  };
  if (recorded.headers.includes('x-notte-sdk-version') && tag.version !== null) {
    headers['x-notte-sdk-version'] = tag.version;
  }
  if (recorded.headers.includes('x-notte-request-origin')) {
    headers['x-notte-request-origin'] = 'sdk';
  }
  if (recorded.body !== null) {
    headers['Content-Type'] = 'application/json';
  }
  return headers;
}

/** Which answer models a recorded call's answer must satisfy, from its path. */
export function answerModelsOf(recorded: RecordedRequest, tag: SdkTag): string[] {
  const p = recorded.path.split('?')[0] ?? '';
  if (p.endsWith('/page/observe')) {
    return ['ObserveResponse'];
  }
  if (p.endsWith('/page/scrape')) {
    return ['ScrapeResponse'];
  }
  if (p.endsWith('/page/step')) {
    return ['StepResponse'];
  }
  if (p.endsWith('/page/execute')) {
    return tag.tag === 'v1.6.0'
      ? ['ExecutionResponseWithSession', 'ExecutionResult']
      : ['ExecutionResult'];
  }
  return ['SessionResponse'];
}

export const expectedStatusOf = (recorded: RecordedRequest): number => {
  const match = /\[expect (\d{3})\]/.exec(recorded.sdk_call);
  return match ? Number(match[1]) : 200;
};

/** The recorded session id (the path segment after /sessions/ of the first status call). */
export function recordedSessionId(requests: readonly RecordedRequest[]): string {
  const status = requests.find((r) => r.sdk_call.startsWith('client.sessions.status(sid)'));
  const id = status?.path.split('/')[2];
  if (!id) {
    throw new Error('no status call to read the recorded session id from');
  }
  return id;
}

/** Replaces the recorded session id, page urls and ports with this run's. */
export function substituted<T>(value: T, from: Record<string, string>): T {
  let text = JSON.stringify(value);
  for (const [recorded, live] of Object.entries(from)) {
    text = text.split(recorded).join(live);
  }
  return JSON.parse(text) as T;
}

export const errorsOf = (validate: ValidateFunction): string =>
  (validate.errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
