import type { LayoutCache } from './layout';
import { isOccluded, type Placement } from './visibility';

/**
 * When the walk hit-tests its targets. Only positioned elements and transformed ones paint over
 * in-flow content, and a hit test costs a walk over the siblings at the point (slow on a long
 * list). Until the walk has met such an element, in-view targets are kept aside and hit-tested
 * after it, and only if one showed up later; a page without any is never hit-tested.
 */
export interface OcclusionGate {
  /** Called for every rendered element until `seen`: whether it paints over others. */
  note(paintsOver: boolean): void;
  /** Whether something may cover it now; false for an in-view target kept aside for later. */
  coveredNow(element: Element, placement: Placement, deferrable: boolean): boolean;
  /** A listed target: kept aside when no element that paints over others has been met yet. */
  listed(target: { placement: Placement | null; occluded?: boolean }, element: Element): void;
  /** After the walk: marks the targets kept aside that turn out covered. */
  finish(): void;
  /** Whether an element that paints over others has been met. */
  readonly seen: boolean;
}

export function createOcclusionGate(layout: LayoutCache): OcclusionGate {
  let seen = false;
  const unchecked: [{ placement: Placement | null; occluded?: boolean }, Element][] = [];
  return {
    get seen() {
      return seen;
    },
    note(paintsOver) {
      seen ||= paintsOver;
    },
    coveredNow(element, placement, deferrable) {
      return (
        placement.inViewport && (seen || !deferrable) && isOccluded(element, placement, layout)
      );
    },
    listed(target, element) {
      if (!seen && target.placement?.inViewport) {
        unchecked.push([target, element]);
      }
    },
    finish() {
      if (seen) {
        for (const [target, element] of unchecked) {
          target.occluded = isOccluded(element, target.placement!, layout);
        }
      }
    },
  };
}
