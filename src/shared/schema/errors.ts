import { z } from 'zod';

export const ValidationIssue = z.strictObject({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** The only error body the bridge ever sends. */
export const ErrorBody = z.strictObject({
  message: z.string(),
  detail: z.unknown(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Error codes that cross boundaries as data; the bridge maps each to one HTTP status. */
export const ErrorCode = z.enum([
  'invalid-request',
  'unauthorized',
  'session-not-found',
  'session-not-active',
  'max-steps-reached',
  'tab-not-found',
  'tab-not-visible',
  'restricted-url',
  'content-unreachable',
  'page-load-failed',
  'page-crashed',
  'extension-not-connected',
  'timeout',
  'protocol-mismatch',
  'not-supported',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorInfo = z.strictObject({
  code: ErrorCode,
  message: z.string(),
  hint: z.string().optional(),
  retryable: z.boolean().default(false),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

export type Result<T> = { ok: true; result: T } | { ok: false; error: ErrorInfo };

/** An error that carries its code across a boundary and back. */
export class TabsightError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'TabsightError';
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, hint: this.hint, retryable: this.retryable };
  }

  static from(info: ErrorInfo): TabsightError {
    return new TabsightError(info.code, info.message, info.hint, info.retryable);
  }
}

export function errorInfoOf(err: unknown): ErrorInfo {
  if (err instanceof TabsightError) {
    return err.toInfo();
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message, retryable: false };
}
