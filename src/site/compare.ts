/** Code-unit string order: stable across machines and locales (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first, then by id: the total order of every article list in the output. */
export function compareNewestFirst(
  a: { readonly date: { readonly time: number }; readonly id: string },
  b: { readonly date: { readonly time: number }; readonly id: string },
): number {
  return b.date.time - a.date.time || compareText(a.id, b.id);
}

/**
 * A new list of `items` in `compareNewestFirst`'s order (stable, as
 * `Array.prototype.sort`). Sorted by index over the dates and ids read once:
 * an archive's 100,000 articles sorted by their own fields took a quarter of
 * a second in property reads, three times this.
 */
export function sortNewestFirst<T extends { readonly date: { readonly time: number }; readonly id: string }>(
  items: readonly T[],
): T[] {
  const times = new Float64Array(items.length);
  const ids: string[] = new Array(items.length);
  const order: number[] = new Array(items.length);
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as T;
    times[index] = item.date.time;
    ids[index] = item.id;
    order[index] = index;
  }
  order.sort((a, b) => (times[b] as number) - (times[a] as number) || compareText(ids[a] as string, ids[b] as string));
  return order.map((index) => items[index] as T);
}
