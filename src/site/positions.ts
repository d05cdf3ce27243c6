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

/**
 * Finds the positions of a list's items, each given with a guess (`near`):
 * an item at the guess shifted as the last one found was is found with one
 * comparison, and the list is indexed only on the first miss. For a list
 * that is mostly another with a few items inserted or removed (the last
 * build's pages against this one's), most items cost one comparison. Items
 * must be unique; undefined for an item not in the list.
 */
export function createPositionFinder<T>(list: readonly T[]): (item: T, near: number) => number | undefined {
  let shift = 0;
  let positions: Map<T, number> | undefined;
  return (item, near) => {
    const guess = near + shift;
    if (guess >= 0 && guess < list.length && list[guess] === item) return guess;
    positions ??= positionsOf(list);
    const found = positions.get(item);
    if (found !== undefined) shift = found - near;
    return found;
  };
}
