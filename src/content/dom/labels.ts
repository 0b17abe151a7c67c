/**
 * The `<label>`s of a control. `element.labels` is a live list that Blink fills by walking the
 * whole tree on the first read after any DOM change, so reading it for every control of a page
 * is quadratic: 4000 buttons of a list took 1.4 s after one appended div. Inside a pass opened
 * with `withLabelCache`, one query per tree root maps every label to its control instead
 * (`label.control` is an id lookup or a walk of the label's own subtree).
 */

const EMPTY: readonly HTMLLabelElement[] = [];

let cache: Map<Node, Map<Element, HTMLLabelElement[]>> | null = null;

/** Runs `work` with labels looked up once per tree root; nested calls share the outer pass. */
export function withLabelCache<T>(work: () => T): T {
  if (cache) {
    return work();
  }
  cache = new Map();
  try {
    return work();
  } finally {
    cache = null;
  }
}

function indexRoot(root: Node): Map<Element, HTMLLabelElement[]> {
  const byControl = new Map<Element, HTMLLabelElement[]>();
  if (!('querySelectorAll' in root)) {
    return byControl;
  }
  // Tree order, as `element.labels` lists them.
  for (const label of (root as ParentNode).querySelectorAll('label')) {
    const control = label.control;
    if (control) {
      const labels = byControl.get(control);
      if (labels) {
        labels.push(label);
      } else {
        byControl.set(control, [label]);
      }
    }
  }
  return byControl;
}

/** The labels of `element` in tree order; none for elements that cannot be labelled. */
export function labelsOf(element: Element): readonly HTMLLabelElement[] {
  if (!cache) {
    const labels = (element as HTMLInputElement).labels;
    return labels ? Array.from(labels) : EMPTY;
  }
  // A label only labels controls of its own tree (its `for` resolves there).
  const root = element.getRootNode();
  let byControl = cache.get(root);
  if (!byControl) {
    byControl = indexRoot(root);
    cache.set(root, byControl);
  }
  return byControl.get(element) ?? EMPTY;
}
