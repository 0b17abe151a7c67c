/**
 * The generated list of the perception benchmarks: `rows` list items of a link, a button and a
 * label-wrapped checkbox each (3 targets a row: 4000 rows are the "12k elements" page).
 */
export function listPage(rows: number): string {
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<li><a href="/item/${i}">Item ${i}</a> <button>Add ${i}</button> <label><input type="checkbox"> Pick ${i}</label></li>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>List of ${rows}</title></head><body><h1>Items</h1><ul>${body}</ul></body></html>`;
}
