import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/config/describe-value.js';

class Options {
  constructor(readonly mark: string) {}
}

describe('describeValue', () => {
  it('describes equal values equally, whatever the order of their keys', () => {
    expect(describeValue({ a: 1, b: [true, 'x'] })).toBe(describeValue({ b: [true, 'x'], a: 1 }));
  });

  it('tells apart values a plugin could tell apart', () => {
    const values = [
      1,
      '1',
      true,
      null,
      undefined,
      [1],
      { a: 1 },
      new Options('a'),
      new Map([[1, 2]]),
      new Set([1]),
      /a/g,
      new Date(0),
      new URL('https://contoh.id/'),
      (text: string) => text.trim(),
      (text: string) => text.toUpperCase(),
    ];
    expect(new Set(values.map(describeValue)).size).toBe(values.length);
  });

  it('describes functions by their source text and their own fields', () => {
    const plugin = Object.assign((tree: unknown) => tree, { defaults: { wpm: 200 } });
    expect(describeValue(plugin)).toContain('(tree) => tree');
    expect(describeValue(plugin)).toContain('"wpm":number:200');
  });

  it('marks a value that holds itself instead of following it forever', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    const shared = { a: 1 };
    expect(describeValue(loop)).toContain('[circular]');
    // A value reached twice, but not inside itself, is described both times.
    expect(describeValue([shared, shared])).not.toContain('[circular]');
  });
});
