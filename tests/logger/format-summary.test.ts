import { describe, expect, it } from 'vitest';
import { formatBuildSummary, formatHeldBack } from '../../src/logger/format-build-summary.js';
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

describe('formatHeldBack', () => {
  it('names scheduled articles with the next date, and drafts, each only when there are some', () => {
    expect(formatHeldBack({ scheduled: 0, next: undefined, drafts: 0 })).toBeUndefined();
    expect(formatHeldBack({ scheduled: 1, next: '2026-12-09T08:00:00+08:00', drafts: 0 })).toBe(
      'Held back: 1 scheduled article (it is dated 2026-12-09T08:00:00+08:00 and appears with the first build after that; --future builds it now)',
    );
    expect(formatHeldBack({ scheduled: 1_200, next: '2026-12-09T08:00:00+08:00', drafts: 2 })).toBe(
      'Held back: 1,200 scheduled articles (the next is dated 2026-12-09T08:00:00+08:00 and appears with the first build after that; --future builds them now) and 2 drafts (draft: true; --drafts builds them)',
    );
    expect(formatHeldBack({ scheduled: 0, next: undefined, drafts: 1 })).toBe(
      'Held back: 1 draft (draft: true; --drafts builds it)',
    );
  });
});
