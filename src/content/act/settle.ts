export interface SettleResult {
  quiet: boolean;
  waited_ms: number;
  /** Mutation batches seen while waiting. */
  mutations: number;
}

/**
 * Resolves once the DOM has had no mutation for a quiet window, or after `maxMs` in any case: the
 * moment an action's effects (a re-render, a popup, a fetched list) have most likely landed. The
 * window starts at `quietMs` and grows by `quietMs` with every batch of mutations, up to
 * `maxQuietMs`, so a page that went quiet at once answers fast while one still rendering in steps
 * is given longer between them.
 */
export function waitForQuietDom(
  quietMs: number,
  maxMs: number,
  maxQuietMs = quietMs,
): Promise<SettleResult> {
  const started = performance.now();
  let window = quietMs;
  let mutations = 0;
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout>;
    const finish = (quiet: boolean) => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(capTimer);
      resolve({ quiet, waited_ms: Math.round(performance.now() - started), mutations });
    };
    const restart = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish(true), window);
    };
    const observer = new MutationObserver(() => {
      mutations += 1;
      window = Math.min(window + quietMs, Math.max(quietMs, maxQuietMs));
      restart();
    });
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const capTimer = setTimeout(() => finish(false), maxMs);
    restart();
  });
}
