import { describe, expect, test } from 'vitest';
import { compareHistories, countUnchanged, type SiteHistory } from '../../src/incremental/history.js';

const history = (chain: string[], global = 'g'): SiteHistory => ({ global, chain });

describe('comparing site histories', () => {
  test('counts the oldest articles two histories share, up to the first difference', () => {
    expect(countUnchanged(history(['a', 'b', 'c', 'd']), history(['a', 'b', 'x', 'y', 'z']))).toBe(2);
    expect(countUnchanged(history(['a', 'b']), history(['a', 'b', 'c']))).toBe(2);
    expect(countUnchanged(history(['a']), history(['b']))).toBe(0);
    expect(countUnchanged(undefined, history(['a']))).toBe(0);
  });

  test('shares nothing when what every page shows changed (settings, navigation, profiles)', () => {
    expect(countUnchanged(history(['a', 'b'], 'g1'), history(['a', 'b', 'c'], 'g2'))).toBe(0);
  });

  test('tells a publish (only newer articles added) from any other change', () => {
    expect(compareHistories(history(['a', 'b']), history(['a', 'b', 'c']))).toEqual({ count: 2, appended: true });
    // The newest article deleted, or replaced: the rest is unchanged, but something left the listings.
    expect(compareHistories(history(['a', 'b', 'c']), history(['a', 'b']))).toEqual({ count: 2, appended: false });
    expect(compareHistories(history(['a', 'b', 'c']), history(['a', 'b', 'x']))).toEqual({ count: 2, appended: false });
  });
});
