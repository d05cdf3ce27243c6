/**
 * Each item of a list → its index, built with a loop: `new Map(list.map(…))`
 * makes a pair for every item first, 100,000 short-lived arrays for the
 * articles of an archive, several times a build.
 */
export function positionsOf<T>(list: readonly T[]): Map<T, number> {
  const positions = new Map<T, number>();
  for (let index = 0; index < list.length; index++) positions.set(list[index] as T, index);
  return positions;
}
