import { describe, expect, test } from 'vitest';
import { createZoneClock, memoizePiecewise, startOfNextYear, toUtcTime, yearAt } from '../../src/i18n/zone-clock.js';

/** The offset as Intl spells it (`GMT+05:30`), read independently of the clock. */
function intlOffsetMinutes(format: Intl.DateTimeFormat, time: number): number {
  const name = format.formatToParts(time).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const [, sign, hours = '0', minutes = '0'] = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name) ?? [];
  const total = Number(hours) * 60 + Number(minutes);
  return sign === '-' ? -total : total;
}

describe('createZoneClock', () => {
  test.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Jakarta', 'America/Santiago'])(
    'agrees with Intl on the offset of %s every half hour of a year',
    (timeZone) => {
      const clock = createZoneClock(timeZone);
      const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
      const start = Date.UTC(2021, 0, 1);
      const disagreements: string[] = [];
      for (let time = start; time < start + 366 * 86_400_000; time += 1_800_000) {
        const expected = intlOffsetMinutes(format, time);
        if (clock.offsetAt(time) / 60_000 !== expected) disagreements.push(new Date(time).toISOString());
      }
      expect(disagreements).toEqual([]);
    },
  );

  test('finds the instant of a wall time in a zone', () => {
    const clock = createZoneClock('Asia/Jakarta');
    expect(clock.fromWall(Date.UTC(2016, 8, 9, 10, 46))).toBe(Date.parse('2016-09-09T10:46:00+07:00'));
  });

  test('moves wall times in a New York spring gap forward and picks the first of a repeated hour', () => {
    const clock = createZoneClock('America/New_York');
    expect(clock.fromWall(Date.UTC(2021, 2, 14, 2, 30))).toBe(Date.parse('2021-03-14T03:30:00-04:00'));
    expect(clock.fromWall(Date.UTC(2021, 10, 7, 1, 30))).toBe(Date.parse('2021-11-07T01:30:00-04:00'));
  });
});

describe('memoizePiecewise', () => {
  test('gives exact values on the day a value changes', () => {
    const change = Date.UTC(2021, 2, 28, 1, 0);
    const step = memoizePiecewise((time) => (time < change ? 'before' : 'after'));
    expect(step(change - 1)).toBe('before');
    expect(step(change)).toBe('after');
    expect(step(change - 86_400_000 * 3)).toBe('before');
    expect(step(change + 86_400_000 * 3)).toBe('after');
  });
});

describe('toUtcTime', () => {
  test('keeps years below 100 as written', () => {
    expect(new Date(toUtcTime(99, 0, 1)).getUTCFullYear()).toBe(99);
    expect(toUtcTime(2016, 8, 9, 3, 46)).toBe(Date.UTC(2016, 8, 9, 3, 46));
  });
});

describe('yearAt and startOfNextYear', () => {
  test('read the year on the site’s clocks, not in UTC', () => {
    // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 01:00 in Jakarta (UTC+7), still 2026 in New York.
    const time = Date.UTC(2026, 11, 31, 18, 0);
    expect(yearAt(time, 'Asia/Jakarta')).toBe(2027);
    expect(yearAt(time, 'America/New_York')).toBe(2026);
    expect(yearAt(time, 'UTC')).toBe(2026);
  });

  test('give the instant the next year begins in the zone', () => {
    const time = Date.UTC(2026, 5, 1);
    expect(startOfNextYear(time, 'Asia/Jakarta')).toBe(Date.UTC(2026, 11, 31, 17, 0));
    expect(startOfNextYear(time, 'America/New_York')).toBe(Date.UTC(2027, 0, 1, 5, 0));
    expect(startOfNextYear(time, 'UTC')).toBe(Date.UTC(2027, 0, 1));
    const next = startOfNextYear(time, 'Asia/Jakarta');
    expect([yearAt(next - 1, 'Asia/Jakarta'), yearAt(next, 'Asia/Jakarta')]).toEqual([2026, 2027]);
  });
});
