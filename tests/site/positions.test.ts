import { describe, expect, it } from 'vitest';
import { createPositionFinder, positionsOf } from '../../src/site/positions.js';

describe('createPositionFinder', () => {
  it('finds every item of a list that is another with items inserted and removed, as positionsOf does', () => {
    const last = Array.from({ length: 50 }, (_, index) => `p${index}`);
    // This build: one item inserted at the front, two removed in the middle, one added at the end.
    const now = ['new', ...last.slice(0, 20), ...last.slice(22), 'end'];
    const find = createPositionFinder(last);
    const index = positionsOf(last);
    now.forEach((item, near) => {
      expect(find(item, near)).toBe(index.get(item));
    });
  });

  it('gives undefined for an item not in the list, and takes any guess, even one outside it', () => {
    const find = createPositionFinder(['a', 'b', 'c']);
    expect(find('z', 0)).toBeUndefined();
    expect(find('c', -5)).toBe(2);
    expect(find('a', 99)).toBe(0);
    expect(find('b', 1)).toBe(1);
    expect(createPositionFinder<string>([])('a', 0)).toBeUndefined();
  });
});
