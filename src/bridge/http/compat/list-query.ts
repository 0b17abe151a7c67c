/** The list answer's page: `page` counts from 1; without `page_size` every session is one page. */
export function pageOf<T>(
  items: readonly T[],
  page: number | undefined,
  size: number | undefined,
): T[] {
  if (size === undefined) {
    return [...items];
  }
  const start = ((page ?? 1) - 1) * size;
  return items.slice(start, start + size);
}
