// Bundled into a page by e2e/fast-name.spec.ts: the fast naming path (fast-name.ts) next to
// the full accname computation (accname.ts) for every element it answers for, under the
// options perception gives it (listed targets: rendered, with their parent's visibility) and
// with none (every element of the light DOM).
import { withLabelCache } from '../../src/content/dom/labels';
import { computeName } from '../../src/content/perceive/accname';
import { createPseudoContentCheck } from '../../src/content/perceive/author-css';
import { textOnlyName } from '../../src/content/perceive/fast-name';
import { createLayoutCache } from '../../src/content/perceive/layout';
import { createSignalCollector } from '../../src/content/perceive/signals';
import { walk } from '../../src/content/perceive/walk';

export interface NamePair {
  element: string;
  fast: string;
  full: string;
}

const label = (element: Element): string =>
  `<${element.localName}${element.id ? `#${element.id}` : ''}> ${element.outerHTML.slice(0, 80)}`;

function probe(): { listed: NamePair[]; all: NamePair[]; targets: number } {
  return withLabelCache(() => {
    const layout = createLayoutCache(window);
    const full = {
      style: (element: Element, pseudo?: string) => layout.computedStyle(element, pseudo),
      pseudoElements: true,
    };
    const walked = walk(document, layout, createSignalCollector(), {
      scope: 'page',
      layout: true,
    });
    // As perception names listed targets (./index.ts perceiveOnce).
    const options = {
      getComputedStyle: layout.computedStyle,
      pseudoElements: true,
      pseudoContent: createPseudoContentCheck(),
      rendered: true,
      parentShown: false,
    };
    const listed: NamePair[] = [];
    for (const item of walked.found) {
      options.parentShown = item.parentShown;
      const fast = textOnlyName(item.element, options);
      if (fast !== null) {
        listed.push({ element: label(item.element), fast, full: computeName(item.element, full) });
      }
    }
    const plain = { getComputedStyle: layout.computedStyle, pseudoElements: true };
    const all: NamePair[] = [];
    for (const element of document.querySelectorAll('*')) {
      const fast = textOnlyName(element, plain);
      if (fast !== null) {
        all.push({ element: label(element), fast, full: computeName(element, full) });
      }
    }
    return { listed, all, targets: walked.found.length };
  });
}

(globalThis as { tabsightNameProbe?: typeof probe }).tabsightNameProbe = probe;
