import type { Observation } from '@shared/schema/observation';
import type { Session } from '@shared/schema/session';
import type { ClientProfile } from './client-profile';
import { SDK_ACTION_TYPES } from './sdk-facts';

type JsonObject = Record<string, unknown>;

/** SDK v1.8+ session models require `idle_timeout_minutes` (our `timeout_minutes`). */
export function sessionFor<T extends Session>(session: T, profile: ClientProfile): T | JsonObject {
  return profile === 'sdk-1.8'
    ? { ...session, idle_timeout_minutes: session.timeout_minutes }
    : session;
}

const ofKnownType = (types: ReadonlySet<string>) => (action: { type: string }) =>
  types.has(action.type);

/**
 * SDK v1.6.0's selector model requires `notte_selector`, Notte's own selector syntax, which the
 * bridge has no equivalent of; the CSS selector is the closest locator and is what it carries.
 */
const withNotteSelector = (action: JsonObject): JsonObject => {
  const selector = action.selector;
  if (typeof selector !== 'object' || selector === null) {
    return action;
  }
  const css = (selector as { css_selector?: unknown }).css_selector;
  return { ...action, selector: { notte_selector: css, ...selector } };
};

/**
 * The SDK's form_fill model wants at least one field (from v1.8) named from its fixed list; the
 * example entry names `email` instead of an empty map.
 */
const withFormFillExample = <A extends object>(action: A): A =>
  'type' in action && action.type === 'form_fill'
    ? { ...action, value: { email: '<email>' } }
    : action;

export interface ObserveTiming {
  started_at: string;
  ended_at: string;
}

/**
 * An observation as each client's models parse it. seed: unchanged. Every SDK era: only action
 * types its unions know, selectors with `notte_selector`. v1.6+: `screenshot` is an object
 * `{raw, bboxes, last_action_id}`, never null, and the answer carries `started_at`/`ended_at`.
 */
export function observationFor(
  observation: Observation,
  profile: ClientProfile,
  timing: ObserveTiming,
): Observation | JsonObject {
  if (profile === 'seed') {
    return observation;
  }
  const known = ofKnownType(SDK_ACTION_TYPES[profile]);
  const { space } = observation;
  const shaped: JsonObject = {
    ...observation,
    space: {
      ...space,
      interaction_actions: space.interaction_actions.filter(known).map(withNotteSelector),
      actions: space.actions.filter(known).map(withNotteSelector).map(withFormFillExample),
      browser_actions: space.browser_actions.filter(known).map(withFormFillExample),
    },
    session: sessionFor(observation.session, profile),
  };
  if (profile === 'sdk-1.5') {
    return shaped;
  }
  return {
    ...timing,
    ...shaped,
    screenshot: { raw: observation.screenshot ?? '', bboxes: [], last_action_id: null },
  };
}

export const RESPONSE_FORMAT_REFUSAL =
  'response_format needs a language model to fill the requested schema, and none runs locally: ' +
  'read the answer from markdown instead, or send the request without response_format';

/** Structured data filled from a schema is never claimed: the refusal says why. */
export function scrapeFor<T extends { structured: unknown; session: Session }>(
  scrape: T,
  profile: ClientProfile,
  askedFormat: boolean,
): T | JsonObject {
  const structured = askedFormat
    ? { success: false, error: RESPONSE_FORMAT_REFUSAL, data: null }
    : scrape.structured;
  return { ...scrape, structured, session: sessionFor(scrape.session, profile) };
}

/** Execute answers embed the session; its shape follows the client. */
export function executeFor<T extends { session: Session }>(
  result: T,
  profile: ClientProfile,
): T | JsonObject {
  return profile === 'seed' ? result : { ...result, session: sessionFor(result.session, profile) };
}
