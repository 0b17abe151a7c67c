/**
 * Below this opacity an element is not something a user sees: `opacity: 0.01` is how pages hide
 * trap fields and buttons from people while keeping them "rendered". Text and targets under it
 * are treated as transparent, like `opacity: 0`.
 */
export const MIN_PERCEPTIBLE_OPACITY = 0.1;

/** Whether an element's own computed opacity makes it (and so its subtree) unseen. */
export function isNearlyTransparent(opacity: string): boolean {
  if (opacity === '' || opacity === '1') {
    return false;
  }
  const value = Number(opacity);
  return Number.isFinite(value) && value < MIN_PERCEPTIBLE_OPACITY;
}
