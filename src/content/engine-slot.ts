/**
 * Where the engine leaves its request handler for the loader (src/content/README.md): on the
 * content scripts' global object, which both scripts share in a frame and the page cannot reach
 * (content scripts run in their own world).
 */

/** Answers one request from the service worker: a `RuntimeReply`, or undefined if not ours. */
export type EngineDispatch = (message: unknown) => Promise<unknown>;

const ENGINE_KEY = Symbol.for('tabsight.engine');
const slot = globalThis as Record<symbol, EngineDispatch | undefined>;

export const engineDispatch = (): EngineDispatch | undefined => slot[ENGINE_KEY];

/** Installs the engine's handler; false when an engine already runs in this frame. */
export function registerEngine(dispatch: EngineDispatch): boolean {
  if (slot[ENGINE_KEY]) {
    return false;
  }
  slot[ENGINE_KEY] = dispatch;
  return true;
}
