import { z } from 'zod';
import { Action } from '../schema/actions';
import { ErrorInfo } from '../schema/errors';
import { ExecuteResponse } from '../schema/execute';
import { Observation, ObserveRequest, Space } from '../schema/observation';
import { spaceOf } from '../space-parts';
import { ScrapeRequest, ScrapeResponse } from '../schema/scrape';
import { Session, SessionStart } from '../schema/session';
import type { Registry } from './method';

/** Native messaging host name; the host manifest carries it. */
export const NATIVE_HOST_NAME = 'dev.tabsight.bridge';

const SessionRef = z.strictObject({ session_id: z.string() });

export const ExtensionHello = z.strictObject({
  extension_id: z.string(),
  version: z.string(),
  protocol_version: z.string(),
});
export type ExtensionHello = z.infer<typeof ExtensionHello>;

/**
 * An observation as it crosses native messaging. `space.actions` is always
 * `interaction_actions` followed by `browser_actions`, and `space.markdown` is made from it
 * (docs/SPEC.md section 2): the worker leaves both out and the bridge makes them again. On a
 * page of 10k listed elements they are half of the message (1.7 of 3.3 MB), which Chrome
 * serialises and the bridge reads, parses and checks.
 */
export const LinkObservation = Observation.extend({
  space: Space.omit({ actions: true, markdown: true }),
});
export type LinkObservation = z.infer<typeof LinkObservation>;

/** The worker's side: the observation without what the bridge can derive. */
export function observationForLink(observation: Observation): LinkObservation {
  const { description, interaction_actions, category, browser_actions } = observation.space;
  return { ...observation, space: { description, interaction_actions, category, browser_actions } };
}

/** The bridge's side: the observation whole again, its keys in the contract's order. */
export const observationFromLink = (linked: LinkObservation): Observation => ({
  ...linked,
  space: spaceOf(linked.space),
});

/** Methods the bridge calls on the extension's service worker. */
export const BridgeMethods = {
  ping: { params: z.strictObject({}), result: ExtensionHello },
  'session.start': { params: SessionStart, result: Session },
  'session.list': {
    params: z.strictObject({ only_active: z.boolean() }),
    result: z.array(Session),
  },
  'session.get': { params: SessionRef, result: Session },
  'session.stop': { params: SessionRef, result: Session },
  'page.observe': {
    params: z.strictObject({ session_id: z.string(), request: ObserveRequest }),
    result: LinkObservation,
  },
  'page.execute': {
    params: z.strictObject({ session_id: z.string(), action: Action }),
    result: ExecuteResponse,
  },
  'page.scrape': {
    params: z.strictObject({ session_id: z.string(), request: ScrapeRequest }),
    result: ScrapeResponse,
  },
  'page.screenshot': {
    params: SessionRef,
    result: z.strictObject({ jpeg_base64: z.string() }),
  },
} as const satisfies Registry;
export type BridgeMethods = typeof BridgeMethods;
export type BridgeMethod = keyof BridgeMethods;

export const BridgeRequestFrame = z.strictObject({
  v: z.literal(1),
  id: z.number().int(),
  method: z.string(),
  params: z.unknown(),
  /** How long the bridge waits for the answer, ms (src/background/link/deadline.ts). */
  deadline_ms: z.number().int().positive().optional(),
});
export type BridgeRequestFrame = z.infer<typeof BridgeRequestFrame>;

export const BridgeResponseFrame = z.union([
  z.strictObject({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ id: z.number().int(), ok: z.literal(false), error: ErrorInfo }),
]);
export type BridgeResponseFrame = z.infer<typeof BridgeResponseFrame>;

/** Unsolicited messages from the extension (no id). */
export const ExtensionEventFrame = z.strictObject({
  v: z.literal(1),
  event: z.literal('hello'),
  data: ExtensionHello,
});
export type ExtensionEventFrame = z.infer<typeof ExtensionEventFrame>;

/** Messages from the host to the extension that are not requests. */
export const HostEventFrame = z.strictObject({
  v: z.literal(1),
  event: z.literal('host-status'),
  data: z.strictObject({
    listening: z.boolean(),
    url: z.string().nullable(),
    error: z.string().nullable(),
    /** The user started the bridge with file: pages allowed (absent: not allowed). */
    allow_file_urls: z.boolean().optional(),
  }),
});
export type HostEventFrame = z.infer<typeof HostEventFrame>;

/**
 * Chrome refuses host→browser native messages over 1 MB and drops the port, so the bridge sends a
 * larger message as slices of its JSON text, each in its own frame; the service worker joins them.
 * https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-protocol
 * A slice of 250 000 UTF-16 units stays under 900 kB even when every unit is a 3-byte character.
 */
export const CHUNK_MAX_CHARS = 250_000;
/** The largest message sent in chunks (about 24 MB of file as base64). */
export const CHUNKED_MESSAGE_MAX_CHARS = 32 * 1024 * 1024;
export const CHUNK_MAX_COUNT = Math.ceil(CHUNKED_MESSAGE_MAX_CHARS / CHUNK_MAX_CHARS);

export const ChunkFrame = z.strictObject({
  v: z.literal(1),
  chunk: z
    .strictObject({
      /** Chunk set id, unique per host process. */
      id: z.number().int().nonnegative(),
      index: z.number().int().nonnegative(),
      count: z.number().int().min(2).max(CHUNK_MAX_COUNT),
      data: z.string().max(CHUNK_MAX_CHARS),
    })
    .refine((c) => c.index < c.count, { message: 'index must be below count' }),
});
export type ChunkFrame = z.infer<typeof ChunkFrame>;
