import type { z } from 'zod';

/** One method of a message registry: its name on the wire and the schemas of both directions. */
export interface MethodSpec {
  readonly params: z.ZodType;
  readonly result: z.ZodType;
}

export type Registry = Record<string, MethodSpec>;
export type ParamsOf<R extends Registry, K extends keyof R> = z.infer<R[K]['params']>;
export type ParamsInputOf<R extends Registry, K extends keyof R> = z.input<R[K]['params']>;
export type ResultOf<R extends Registry, K extends keyof R> = z.infer<R[K]['result']>;

export type Handler<R extends Registry, K extends keyof R, Ctx = void> = (
  params: ParamsOf<R, K>,
  ctx: Ctx,
) => Promise<ResultOf<R, K>> | ResultOf<R, K>;

/** An exhaustive handler map: a method without a handler is a type error. */
export type Handlers<R extends Registry, Ctx = void> = { [K in keyof R]: Handler<R, K, Ctx> };
