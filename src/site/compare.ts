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
