import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import {
  TabsightError,
  type ErrorBody,
  type ErrorCode,
  type ValidationIssue,
} from '@shared/schema/errors';

/** The one place where an error code becomes an HTTP status (docs/SPEC.md section 1). */
export const HTTP_STATUS_BY_CODE = {
  'invalid-request': 422,
  unauthorized: 401,
  'session-not-found': 404,
  'session-not-active': 409,
  'max-steps-reached': 409,
  'tab-not-found': 409,
  // A screenshot of a tab that is behind another tab of a window the user shares.
  'tab-not-visible': 409,
  'restricted-url': 422,
  'content-unreachable': 502,
  // The tab shows Chrome's error page: the site did not answer (DNS, refused, offline, TLS).
  'page-load-failed': 502,
  // The tab's renderer crashed (or Chrome discarded the page): nothing runs there until a reload.
  'page-crashed': 502,
  'extension-not-connected': 503,
  timeout: 504,
  'protocol-mismatch': 503,
  'not-supported': 501,
  internal: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

/** A refusal decided by the bridge itself (transport, auth, validation), with its exact status. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly detail: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export type RequestPart = 'body' | 'query' | 'path';

/**
 * zod issues as FastAPI-style validation details, so agents written against the hosted API read
 * them unchanged; unknown keys get one entry each, typed like pydantic's `extra_forbidden`.
 */
export function validationDetail(
  part: RequestPart,
  issues: readonly z.core.$ZodIssue[],
): ValidationIssue[] {
  return issues.flatMap((issue): ValidationIssue[] => {
    const loc = [part, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        loc: [...loc, key],
        msg: `unknown key "${key}"`,
        type: 'extra_forbidden',
      }));
    }
    return [{ loc, msg: issue.message, type: issue.code }];
  });
}

export function validationProblem(part: RequestPart, error: z.ZodError): HttpProblem {
  return new HttpProblem(422, `invalid request ${part}`, validationDetail(part, error.issues));
}

export function errorJson(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  detail: unknown = null,
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = { message, detail };
  return c.json(body, status, headers);
}

/** Turns anything thrown by a route into the error body; never leaks a stack. */
export function errorResponse(c: Context, err: unknown, log: (message: string) => void): Response {
  if (err instanceof HttpProblem) {
    return errorJson(c, err.status, err.message, err.detail, err.headers);
  }
  if (err instanceof TabsightError) {
    const status = HTTP_STATUS_BY_CODE[err.code];
    if (status === 500) {
      log(`internal error on ${c.req.method} ${c.req.path}: ${err.message}`);
    }
    const detail = { code: err.code, hint: err.hint ?? null, retryable: err.retryable };
    return errorJson(c, status, err.message, detail);
  }
  log(
    `unexpected error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  return errorJson(c, 500, 'internal bridge error; the bridge log on stderr has the details', {
    code: 'internal',
  });
}
