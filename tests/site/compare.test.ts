import { describe, expect, it } from 'vitest';
import { compareNewestFirst, sortNewestFirst } from '../../src/site/compare.js';

const item = (time: number, id: string, name = id) => ({ date: { time }, id, name });

describe('sortNewestFirst', () => {
  it('orders newest first, then by id, as compareNewestFirst does', () => {
    const items = [item(5, 'b'), item(9, 'z'), item(5, 'a'), item(1, 'c'), item(9, 'y'), item(-3, 'd')];
    const sorted = sortNewestFirst(items);
    expect(sorted.map((entry) => entry.id)).toEqual(['y', 'z', 'a', 'b', 'c', 'd']);
    expect(sorted).toEqual([...items].sort(compareNewestFirst));
  });

  it('keeps equal entries in their given order (stable) and leaves its input alone', () => {
    const items = [item(2, 'same', 'first'), item(3, 'x'), item(2, 'same', 'second')];
    const copy = [...items];
    expect(sortNewestFirst(items).map((entry) => entry.name)).toEqual(['x', 'first', 'second']);
    expect(items).toEqual(copy);
  });

  it('sorts a large shuffled list as Array.prototype.sort does', () => {
    // A fixed-seed shuffle with many equal dates, so ids decide often.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const items = Array.from({ length: 2000 }, (_, index) =>
      item(Math.floor(random() * 300), `id${Math.floor(random() * 1500)}`, `n${index}`),
    );
    expect(sortNewestFirst(items)).toEqual([...items].sort(compareNewestFirst));
    expect(sortNewestFirst([])).toEqual([]);
  });
});
