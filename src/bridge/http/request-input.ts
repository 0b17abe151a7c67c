import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpProblem, validationProblem } from './errors';

const isJsonMediaType = (contentType: string): boolean => {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType.endsWith('+json');
};

/**
 * Reads and validates a JSON body. An empty body counts as `{}`, so routes whose fields are all
 * optional accept a bare POST; a body in any other media type is a 415.
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  return parseBody(schema, await readJsonValue(c));
}

/** The body as JSON, not yet validated; same rules as readJsonBody. */
export async function readJsonValue(c: Context): Promise<unknown> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim().length > 0) {
    const contentType = c.req.header('content-type') ?? '';
    if (!isJsonMediaType(contentType)) {
      throw new HttpProblem(
        415,
        `the body must be JSON: send Content-Type: application/json (got "${contentType || 'none'}")`,
      );
    }
    try {
      raw = JSON.parse(text);
    } catch (err) {
      const msg = err instanceof Error ? err.message : 'invalid JSON';
      throw new HttpProblem(422, 'the body is not valid JSON', [
        { loc: ['body'], msg, type: 'json_invalid' },
      ]);
    }
  }
  return raw;
}

export function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw validationProblem('body', parsed.error);
  }
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw validationProblem('query', parsed.error);
  }
  return parsed.data;
}

export function readPath<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.param());
  if (!parsed.success) {
    throw validationProblem('path', parsed.error);
  }
  return parsed.data;
}
