import { z } from 'zod';
import { Action } from '@shared/schema/actions';
import { ErrorBody, ValidationIssue } from '@shared/schema/errors';
import { ExecuteResponse, StepRequest } from '@shared/schema/execute';
import { Observation, ObserveRequest } from '@shared/schema/observation';
import { ScrapeRequest, ScrapeResponse } from '@shared/schema/scrape';
import { Session, SessionListQuery, SessionStart } from '@shared/schema/session';
import { HealthResponse } from './health';
import { IdentityQuery, IdentityResponse } from '@shared/identity';

export const SessionPath = z.strictObject({
  session_id: z.string().min(1).max(200).describe('The session_id of POST /sessions/start'),
});

export const ValidationErrorBody = z.strictObject({
  message: z.string(),
  detail: z.array(ValidationIssue),
});

/** Request schemas: documented in their input form (defaults optional). */
export const INPUT_SCHEMAS = {
  SessionStart,
  ObserveRequest,
  Action,
  StepRequest,
  ScrapeRequest,
} as const;

/** Response schemas: documented in their output form (defaults filled in). */
export const OUTPUT_SCHEMAS = {
  Session,
  Observation,
  ExecuteResponse,
  ScrapeResponse,
  HealthResponse,
  IdentityResponse,
  ErrorBody,
  ValidationErrorBody,
} as const;

export interface ApiRoute {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI form, `{session_id}`; the Hono form is derived. */
  path: string;
  summary: string;
  body?: keyof typeof INPUT_SCHEMAS;
  /** A missing or empty body means `{}`. */
  bodyOptional?: boolean;
  query?: z.ZodType;
  response: keyof typeof OUTPUT_SCHEMAS | 'SessionList' | 'Jpeg' | 'OpenApi';
  public?: boolean;
}

/** Every route the bridge serves (docs/SPEC.md section 2), the source of /openapi.json. */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/sessions/start',
    summary: 'Start a session',
    body: 'SessionStart',
    bodyOptional: true,
    response: 'Session',
  },
  {
    method: 'get',
    path: '/sessions',
    summary: 'List sessions',
    query: SessionListQuery,
    response: 'SessionList',
  },
  { method: 'get', path: '/sessions/{session_id}', summary: 'Get a session', response: 'Session' },
  {
    method: 'delete',
    path: '/sessions/{session_id}/stop',
    summary: 'Stop a session',
    response: 'Session',
  },
  {
    method: 'post',
    path: '/sessions/{session_id}/page/observe',
    summary: 'Observe the page',
    body: 'ObserveRequest',
    bodyOptional: true,
    response: 'Observation',
  },
  {
    method: 'post',
    path: '/sessions/{session_id}/page/execute',
    summary: 'Execute an action',
    body: 'Action',
    response: 'ExecuteResponse',
  },
  {
    method: 'post',
    path: '/sessions/{session_id}/page/step',
    summary: 'Execute an action by element id (value boolean: check, string: fill, none: click)',
    body: 'StepRequest',
    response: 'ExecuteResponse',
  },
  {
    method: 'post',
    path: '/sessions/{session_id}/page/scrape',
    summary: 'Scrape the page as markdown',
    body: 'ScrapeRequest',
    bodyOptional: true,
    response: 'ScrapeResponse',
  },
  {
    method: 'post',
    path: '/sessions/{session_id}/page/screenshot',
    summary: 'JPEG of the visible viewport',
    response: 'Jpeg',
  },
  {
    method: 'get',
    path: '/health',
    summary: 'Bridge and extension status',
    response: 'HealthResponse',
    public: true,
  },
  {
    method: 'get',
    path: '/identity',
    summary: 'Proves this process holds the token, without it being sent (see README)',
    query: IdentityQuery,
    response: 'IdentityResponse',
    public: true,
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', response: 'OpenApi' },
];

export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

export function isPublicRoute(method: string, path: string): boolean {
  return API_ROUTES.some(
    (r) => r.public === true && r.method === method.toLowerCase() && r.path === path,
  );
}
