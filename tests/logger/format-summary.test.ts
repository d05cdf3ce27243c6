import { describe, expect, it } from 'vitest';
import { formatBuildSummary } from '../../src/logger/format-build-summary.js';
import { formatCount } from '../../src/logger/format-count.js';
import { formatDuration } from '../../src/logger/format-duration.js';

describe('formatDuration', () => {
  it('shows milliseconds below a second', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(12.4)).toBe('12 ms');
  });

  it('shows seconds with one decimal below a minute', () => {
    expect(formatDuration(3100)).toBe('3.1 s');
    expect(formatDuration(3000)).toBe('3.0 s');
    expect(formatDuration(999.7)).toBe('1.0 s');
  });

  it('shows minutes and seconds from a minute on', () => {
    expect(formatDuration(59_970)).toBe('1 min 0 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('reads nonsense as zero', () => {
    expect(formatDuration(-5)).toBe('0 ms');
    expect(formatDuration(Number.NaN)).toBe('0 ms');
  });
});

describe('formatCount', () => {
  it('groups digits the en-US way', () => {
    expect(formatCount(13_420)).toBe('13,420');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(7)).toBe('7');
  });
});

describe('formatBuildSummary', () => {
  it('reads as one summary line', () => {
    expect(formatBuildSummary({ articles: 10_000, pages: 13_420, durationMs: 3100 })).toBe(
      'Built 10,000 articles → 13,420 pages in 3.1 s',
    );
  });

  it('uses the singular for one', () => {
    expect(formatBuildSummary({ articles: 1, pages: 1, durationMs: 40 })).toBe('Built 1 article → 1 page in 40 ms');
  });
});
