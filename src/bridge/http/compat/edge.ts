import type { Context } from 'hono';
import { z } from 'zod';
import { Action, GotoAction } from '@shared/schema/actions';
import { StepRequest } from '@shared/schema/execute';
import { ObserveRequest } from '@shared/schema/observation';
import { ScrapeRequest } from '@shared/schema/scrape';
import { IGNORED_SESSION_KEYS, SessionStart } from '@shared/schema/session';
import { parseBody, readJsonValue } from '../request-input';
import { profileFromHeaders, profileFromObserve, type ClientProfile } from './client-profile';
import { createIgnoredReporter } from './ignored-report';
import { isObject } from './nulls';
import {
  adaptExecute,
  adaptObserve,
  adaptScrape,
  adaptStart,
  adaptStep,
  type AdaptedBody,
} from './request-shapes';

const [StepShortForm] = StepRequest.options;
const StepWithAction = StepRequest.options[1];

/**
 * The step body is one of two forms; validating against the one its shape names gives errors
 * that point at a key (`body.action.type`) instead of a bare invalid_union.
 */
const stepSchemaFor = (body: unknown) =>
  isObject(body) && 'action' in body ? StepWithAction : StepShortForm;

/**
 * The bridge's edge for clients of the hosted API (Notte's SDK among them): every request body
 * passes through here before the bridge's own schemas, and tells which answer shape to send.
 */
export function createSdkEdge(log: (message: string) => void) {
  const report = createIgnoredReporter(log);
  const header = (c: Context) => (name: string) => c.req.header(name);

  const adapted = async <S extends z.ZodType>(
    c: Context,
    route: string,
    adapt: (raw: unknown) => AdaptedBody,
    schema: S | ((body: unknown) => S),
    extraIgnored: (body: unknown) => string[] = () => [],
  ) => {
    const raw = await readJsonValue(c);
    const { body, ignored } = adapt(raw);
    report(c, route, [...ignored, ...extraIgnored(body)]);
    const resolved = schema instanceof z.ZodType ? schema : schema(body);
    return { raw, data: parseBody(resolved, body) };
  };

  return {
    profile: (c: Context): ClientProfile => profileFromHeaders(header(c)),

    start: async (c: Context) => {
      const sessionKeys = (body: unknown) =>
        isObject(body) ? IGNORED_SESSION_KEYS.filter((k) => body[k] !== undefined) : [];
      return (await adapted(c, 'start', adaptStart, SessionStart, sessionKeys)).data;
    },

    /** SDK v1.6+ models expect a real screenshot on every observation, so one is taken. */
    observe: async (c: Context) => {
      const { raw, data } = await adapted(c, 'observe', adaptObserve, ObserveRequest);
      const profile = profileFromObserve(header(c), raw);
      const wantsImage = profile === 'sdk-1.6' || profile === 'sdk-1.8';
      const asked = isObject(raw) && raw.screenshot !== undefined && raw.screenshot !== null;
      return { request: wantsImage && !asked ? { ...data, screenshot: true } : data, profile };
    },

    execute: async (c: Context) => (await adapted(c, 'execute', adaptExecute, Action)).data,

    step: async (c: Context) => (await adapted(c, 'step', adaptStep, stepSchemaFor)).data,

    scrape: async (c: Context) => {
      let url: unknown;
      const keepUrl = (raw: unknown): AdaptedBody => {
        const result = adaptScrape(raw);
        url = result.url;
        return result;
      };
      const { raw, data } = await adapted(c, 'scrape', keepUrl, ScrapeRequest);
      const goto = url === undefined ? null : parseBody(GotoAction, { type: 'goto', url });
      const askedFormat =
        isObject(raw) && raw.response_format !== undefined && raw.response_format !== null;
      return { request: data, goto, askedFormat };
    },
  };
}

export type SdkEdge = ReturnType<typeof createSdkEdge>;
