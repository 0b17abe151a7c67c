import { isObject, splitKeys, withoutNulls } from './nulls';

/** A request body as the bridge's own schema reads it, plus the keys it dropped as meaningless. */
export interface AdaptedBody {
  body: unknown;
  ignored: string[];
}

/** Hosted-API session keys with no meaning for a tab in the user's own browser. */
const START_IGNORED = [
  'use_file_storage',
  'max_duration_minutes',
  'screenshot_type',
  'web_bot_auth',
  'auth_ids',
  'wait_for_authentication',
  'cdp_url',
  'aspect_ratio',
  'profile',
  'extra_http_headers',
  'vault_id',
] as const;

/** Keys the SDK puts on actions that the local executor has no use for. */
const ACTION_IGNORED = ['timeout', 'selector', 'text_label'] as const;

/** v1.5's step body carries observe-paging keys that a step answer (no observation) ignores. */
const STEP_IGNORED = ['min_nb_actions', 'max_nb_actions'] as const;

const SCRAPE_IGNORED = ['use_llm', 'ignored_tags'] as const;

const passThrough = (body: unknown): AdaptedBody => ({ body, ignored: [] });

/** `idle_timeout_minutes` (SDK v1.6+) is our `timeout_minutes`: a session idle this long ends. */
export function adaptStart(raw: unknown): AdaptedBody {
  const body = withoutNulls(raw);
  if (!isObject(body)) {
    return passThrough(body);
  }
  const { rest, taken } = splitKeys(body, START_IGNORED);
  const { idle_timeout_minutes: idle, ...others } = rest;
  if (idle !== undefined && others.timeout_minutes === undefined) {
    others.timeout_minutes = idle;
  }
  return { body: others, ignored: taken };
}

export const adaptObserve = (raw: unknown): AdaptedBody => passThrough(withoutNulls(raw));

/** The SDK names the captcha action `solve_captcha` in some releases; ours is `captcha_solve`. */
function adaptActionObject(action: unknown): AdaptedBody {
  if (!isObject(action)) {
    return passThrough(action);
  }
  const { rest, taken } = splitKeys(action, ACTION_IGNORED);
  if (rest.type === 'solve_captcha') {
    rest.type = 'captcha_solve';
  }
  return { body: rest, ignored: taken.map((k) => `action.${k}`) };
}

export function adaptExecute(raw: unknown): AdaptedBody {
  const { body, ignored } = adaptActionObject(withoutNulls(raw));
  return { body, ignored: ignored.map((k) => k.replace(/^action\./, '')) };
}

/**
 * `/page/step`: SDK v1.5 wraps the short form as `{action: {type: "step", id, value: {name,
 * value}}}` and a typed action as `{action: {...}}`; both become the bridge's own forms.
 */
export function adaptStep(raw: unknown): AdaptedBody {
  const body = withoutNulls(raw);
  if (!isObject(body)) {
    return passThrough(body);
  }
  const { rest, taken } = splitKeys(body, STEP_IGNORED);
  const action = rest.action;
  if (isObject(action) && action.type === 'step') {
    // category and description only echo the SDK's own label of the step action.
    const { rest: others } = splitKeys(action, ['id', 'value', 'category', 'description']);
    const { id, value } = action;
    const parameter = isObject(value) ? value.value : value;
    return {
      body: {
        ...others,
        type: 'step',
        action_id: id,
        ...(parameter === undefined || parameter === null ? {} : { value: parameter }),
      },
      ignored: taken,
    };
  }
  if (action !== undefined) {
    const adapted = adaptActionObject(action);
    return { body: { ...rest, action: adapted.body }, ignored: [...taken, ...adapted.ignored] };
  }
  return { body: rest, ignored: taken };
}

/** Scrape's `url` is kept apart: the route navigates there first, as observe's `url` does. */
export function adaptScrape(raw: unknown): AdaptedBody & { url?: unknown } {
  const body = withoutNulls(raw);
  if (!isObject(body)) {
    return passThrough(body);
  }
  const { rest, taken } = splitKeys(body, SCRAPE_IGNORED);
  const { url, ...others } = rest;
  return { body: others, ignored: taken, ...(url === undefined ? {} : { url }) };
}
