import { describe, expect, it } from 'vitest';
import { paginationWindow } from '../../src/view/pagination-window.js';

describe('paginationWindow', () => {
  it('links every page of a short listing', () => {
    expect(paginationWindow(1, 1)).toEqual([1]);
    expect(paginationWindow(2, 3)).toEqual([1, 2, 3]);
    expect(paginationWindow(1, 7)).toEqual([1, 2, 3, 'gap', 7]);
    expect(paginationWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the first and last page and two on each side of the current one, with gaps between', () => {
    expect(paginationWindow(1, 500)).toEqual([1, 2, 3, 'gap', 500]);
    expect(paginationWindow(147, 500)).toEqual([1, 'gap', 145, 146, 147, 148, 149, 'gap', 500]);
    expect(paginationWindow(500, 500)).toEqual([1, 'gap', 498, 499, 500]);
  });

  it('shows a page instead of a gap that would stand for that one page alone', () => {
    expect(paginationWindow(5, 500)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 500]);
    expect(paginationWindow(496, 500)).toEqual([1, 'gap', 494, 495, 496, 497, 498, 499, 500]);
  });

  it('never links more than nine slots, whatever the size of the archive', () => {
    for (const total of [10, 99, 5000]) {
      for (let current = 1; current <= total; current += Math.ceil(total / 37)) {
        const slots = paginationWindow(current, total);
        expect(slots.length).toBeLessThanOrEqual(9);
        expect(slots).toContain(current);
        const numbers = slots.filter((slot): slot is number => slot !== 'gap');
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(numbers[0]).toBe(1);
        expect(numbers.at(-1)).toBe(total);
      }
    }
  });
});
