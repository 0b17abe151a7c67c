// Chromium's own accessible names, read from its accessibility tree over CDP
// (Accessibility.getFullAXTree) and written on each named DOM element as `data-chromium-name`,
// so that our names (asked by selector) and Chromium's line up element by element.
import type { Page } from '@playwright/test';

export const CHROMIUM_NAME = 'data-chromium-name';

interface AXValue {
  value?: string | number | boolean;
}
interface AXNode {
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  backendDOMNodeId?: number;
}

// Nodes of the tree that are text runs or the document, not elements an author wrote.
const NOT_ELEMENTS = new Set(['StaticText', 'InlineTextBox', 'RootWebArea', 'LineBreak']);

/** Marks every element of the page's main frame that Chromium exposes; returns how many. */
export async function markChromiumNames(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    let marked = 0;
    for (const node of nodes) {
      const role = String(node.role?.value ?? '');
      if (node.ignored || node.backendDOMNodeId === undefined || NOT_ELEMENTS.has(role)) {
        continue;
      }
      try {
        const { object } = await cdp.send('DOM.resolveNode', {
          backendNodeId: node.backendDOMNodeId,
        });
        if (!object.objectId) {
          continue;
        }
        await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: `function (attribute, name) {
            if (this.nodeType === 1) this.setAttribute(attribute, name);
          }`,
          arguments: [{ value: CHROMIUM_NAME }, { value: String(node.name?.value ?? '') }],
        });
        marked += 1;
      } catch {
        // A node of another frame or one gone since the tree was read: not compared.
      }
    }
    return marked;
  } finally {
    await cdp.detach();
  }
}
