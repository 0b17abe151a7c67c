/**
 * Whether people can see an element, from computed style (not just attributes), with one
 * `getComputedStyle` per element per extraction (docs/DESIGN.md: cache layout reads per pass).
 */

/** `hidden`: nothing in the subtree shows; `self-hidden`: the element's own text is hidden, but a
 * descendant may override it (`visibility: hidden` is inherited and can be reset to `visible`). */
export type Visibility = 'visible' | 'hidden' | 'self-hidden';

export interface StyleCache {
  /** Computed style of an element in a rendered document, or null (detached, no view). */
  styleOf(element: Element): CSSStyleDeclaration | null;
}

export function createStyleCache(): StyleCache {
  const cache = new Map<Element, CSSStyleDeclaration | null>();
  return {
    styleOf(element) {
      let style = cache.get(element);
      if (style === undefined) {
        const view = element.ownerDocument.defaultView;
        try {
          style = view ? view.getComputedStyle(element) : null;
        } catch {
          style = null;
        }
        cache.set(element, style);
      }
      return style;
    },
  };
}

/**
 * The visibility verdict used by the whole-page walk.
 * @param isVisible Optional replacement for the style check, with subtree semantics: return false
 *   only when nothing inside the element can be seen (a zero-height wrapper of floats is visible).
 */
export function createVisibility(
  styles: StyleCache,
  isVisible?: (element: Element) => boolean,
): (element: Element) => Visibility {
  return (element) => {
    // Attribute checks first: they are free and DOM emulators lack the UA stylesheet.
    if (element.hasAttribute('hidden') && element.getAttribute('hidden') !== 'until-found') {
      return 'hidden';
    }
    if (element.localName === 'dialog' && !element.hasAttribute('open')) {
      return 'hidden';
    }
    if (isVisible) {
      return isVisible(element) ? 'visible' : 'hidden';
    }
    const style = styles.styleOf(element);
    if (!style) {
      return 'visible';
    }
    if (style.display === 'none' || style.contentVisibility === 'hidden') {
      return 'hidden';
    }
    if (style.visibility === 'hidden' || style.visibility === 'collapse') {
      return 'self-hidden';
    }
    return 'visible';
  };
}
