/** A count with en-US digit grouping whatever the machine's locale: `13,420`. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
}
