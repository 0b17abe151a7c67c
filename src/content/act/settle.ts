export interface SettleResult {
  quiet: boolean;
  waited_ms: number;
}

/**
 * Resolves once the DOM has had no mutation for `quietMs`, or after `maxMs` in any case: the
 * moment an action's effects (a re-render, a popup, a fetched list) have most likely landed.
 */
export function waitForQuietDom(quietMs: number, maxMs: number): Promise<SettleResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout>;
    const finish = (quiet: boolean) => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(capTimer);
      resolve({ quiet, waited_ms: Math.round(performance.now() - started) });
    };
    const restart = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish(true), quietMs);
    };
    const observer = new MutationObserver(restart);
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
