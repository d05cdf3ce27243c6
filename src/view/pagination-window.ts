/** A page number to link, or a gap standing for the pages left out between two links. */
export type PaginationSlot = number | 'gap';

/** Pages linked on each side of the current one. */
const RADIUS = 2;

/**
 * Which page numbers a listing's navigation links: the first and last page,
 * the current one and {@link RADIUS} on each side, with a gap wherever pages
 * are left out (a gap never stands for a single page: that page is shown
 * instead). At most 2 × RADIUS + 5 slots whatever the number of pages, so a
 * news archive of thousands of pages does not list every one on every page
 * (which made the listings' size grow with the square of the archive).
 */
export function paginationWindow(current: number, total: number): PaginationSlot[] {
  const shown = new Set<number>([1, total]);
  for (let page = current - RADIUS; page <= current + RADIUS; page++) if (page >= 1 && page <= total) shown.add(page);
  const slots: PaginationSlot[] = [];
  let previous = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - previous === 2) slots.push(previous + 1);
    else if (page - previous > 2) slots.push('gap');
    slots.push(page);
    previous = page;
  }
  return slots;
}
