/**
 * Tables as GFM tables, always. The GFM plugin keeps tables without a heading row, or with lists
 * and headings inside, as raw HTML; agents read pipes far better than tags, so every data table
 * becomes a pipe table here: a missing heading row becomes an empty one, block content inside a
 * cell is joined with `<br>`, pipes are escaped, all-empty rows are dropped. Layout tables (nested
 * tables, a single cell, `role=presentation`) are unwrapped into their cells' content instead.
 */
import type TurndownService from 'turndown';

const layoutCache = new WeakMap<Node, boolean>();

function closestTable(node: Node): HTMLTableElement | null {
  let current = node.parentNode;
  while (current && current.nodeName !== 'TABLE') {
    current = current.parentNode;
  }
  return current as HTMLTableElement | null;
}

function isLayoutTable(table: HTMLTableElement | null): boolean {
  if (!table) {
    return true;
  }
  let layout = layoutCache.get(table);
  if (layout === undefined) {
    const role = table.getAttribute('role');
    const rows = table.rows;
    layout =
      role === 'presentation' ||
      role === 'none' ||
      rows.length === 0 ||
      (rows.length === 1 && (rows[0]?.cells.length ?? 0) <= 1) ||
      table.querySelector('table') !== null;
    layoutCache.set(table, layout);
  }
  return layout;
}

function isEmptyRow(row: Element): boolean {
  return !row.textContent?.trim() && !row.querySelector('img');
}

/** The heading row: the first non-empty row, when it sits in `<thead>` or holds only `<th>`. */
function headingRow(table: HTMLTableElement): Element | null {
  const first = Array.from(table.rows).find((row) => !isEmptyRow(row));
  if (!first) {
    return null;
  }
  const cells = Array.from(first.cells);
  const inHead = first.parentNode?.nodeName === 'THEAD';
  return inHead || (cells.length > 0 && cells.every((cell) => cell.nodeName === 'TH'))
    ? first
    : null;
}

function columnCount(table: HTMLTableElement): number {
  let max = 0;
  for (const row of table.rows) {
    let count = 0;
    for (const cell of row.cells) {
      count += Math.max(1, Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1);
    }
    max = Math.max(max, count);
  }
  return max;
}

function alignment(cell: Element | undefined): string {
  const align = (
    cell?.getAttribute('align') ??
    (cell as HTMLElement | undefined)?.style?.textAlign ??
    ''
  ).toLowerCase();
  return align === 'left' ? ':--' : align === 'right' ? '--:' : align === 'center' ? ':-:' : '---';
}

function separator(table: HTMLTableElement, heading: Element | null): string {
  const cells = heading ? Array.from((heading as HTMLTableRowElement).cells) : [];
  const columns = Array.from({ length: columnCount(table) }, (_, index) => alignment(cells[index]));
  return `| ${columns.join(' | ')} |`;
}

export function cellText(content: string): string {
  return content
    .trim()
    .replace(/\s*\n\s*\n\s*/g, '<br>')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

export function gfmTables(service: TurndownService): void {
  service.addRule('tabsightTableCell', {
    filter: (node) =>
      (node.nodeName === 'TD' || node.nodeName === 'TH') && !isLayoutTable(closestTable(node)),
    replacement: (content, node) => {
      const span = Number.parseInt((node as Element).getAttribute('colspan') ?? '1', 10) || 1;
      const first = !(node as Element).previousElementSibling;
      return `${first ? '|' : ''} ${cellText(content)} |${' |'.repeat(Math.max(0, span - 1))}`;
    },
  });
  service.addRule('tabsightTableRow', {
    filter: (node) => node.nodeName === 'TR' && !isLayoutTable(closestTable(node)),
    replacement: (content, node) => {
      if (isEmptyRow(node)) {
        return '';
      }
      const table = closestTable(node) as HTMLTableElement;
      const heading = headingRow(table) === node;
      return `\n${content.trim()}${heading ? `\n${separator(table, node)}` : ''}`;
    },
  });
  service.addRule('tabsightTableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
  service.addRule('tabsightTableCaption', {
    filter: ['caption', 'colgroup', 'col'],
    replacement: () => '',
  });
  service.addRule('tabsightTable', {
    filter: (node) => node.nodeName === 'TABLE' && !isLayoutTable(node as HTMLTableElement),
    replacement: (content, node) => {
      const table = node as HTMLTableElement;
      const caption = table.caption?.textContent?.replace(/\s+/g, ' ').trim();
      const body = content.replace(/\n+/g, '\n').trim();
      const emptyHeading = headingRow(table)
        ? ''
        : `|${'  |'.repeat(columnCount(table))}\n${separator(table, null)}\n`;
      return `\n\n${caption ? `${caption}\n\n` : ''}${emptyHeading}${body}\n\n`;
    },
  });
}
