import { describe, expect, test } from 'vitest';
import { parseDate, toInstant } from '../../src/i18n/parse-date.js';

function parseIso(value: unknown, timeZone = 'Asia/Jakarta'): string {
  const result = parseDate(value, timeZone);
  if (!result.ok) throw new Error(result.reason);
  expect(Date.parse(result.instant.iso)).toBe(result.instant.time);
  return result.instant.iso;
}

function parseReason(value: unknown, timeZone = 'Asia/Jakarta'): string {
  const result = parseDate(value, timeZone);
  if (result.ok) throw new Error(`expected a failure, got ${result.instant.iso}`);
  return result.reason;
}

describe('parseDate with an offset', () => {
  test('keeps the instant of an ISO date with a numeric offset and prints it in the site zone', () => {
    expect(parseIso('2016-09-09T10:46:00+07:00')).toBe('2016-09-09T10:46:00+07:00');
    expect(parseIso('2016-09-09T10:46:00+07:00', 'UTC')).toBe('2016-09-09T03:46:00+00:00');
  });

  test('reads Z as UTC but prints a numeric offset, never Z', () => {
    const result = parseDate('2016-09-09T03:46:00Z', 'UTC');
    expect(result).toEqual({
      ok: true,
      instant: { time: Date.UTC(2016, 8, 9, 3, 46), iso: '2016-09-09T03:46:00+00:00' },
    });
  });

  test('reads the YAML timestamp forms: blank separator, short offset, lowercase t, fractions', () => {
    expect(parseIso('2016-09-09 10:46:00 +7')).toBe('2016-09-09T10:46:00+07:00');
    expect(parseIso('2016-09-09 03:46:00Z')).toBe('2016-09-09T10:46:00+07:00');
    expect(parseIso('2016-09-09t03:46:00.5Z')).toBe('2016-09-09T10:46:00.500+07:00');
    expect(parseIso('2016-09-09T12:46:00+0900')).toBe('2016-09-09T10:46:00+07:00');
    expect(parseIso('2016-9-9 10:46:00 -03:30')).toBe('2016-09-09T21:16:00+07:00');
  });

  test('prints milliseconds only when they are not zero', () => {
    expect(parseIso('2016-09-09T10:46:00.000+07:00')).toBe('2016-09-09T10:46:00+07:00');
    expect(parseIso('2016-09-09T10:46:00.123456+07:00')).toBe('2016-09-09T10:46:00.123+07:00');
  });
});

describe('parseDate without an offset', () => {
  test('reads wall time in the site zone, not in UTC', () => {
    const result = parseDate('2016-09-09 10:46', 'Asia/Jakarta');
    expect(result).toEqual({
      ok: true,
      instant: { time: Date.UTC(2016, 8, 9, 3, 46), iso: '2016-09-09T10:46:00+07:00' },
    });
  });

  test('accepts a date alone as midnight in the site zone', () => {
    expect(parseIso('2016-09-09')).toBe('2016-09-09T00:00:00+07:00');
    expect(parseIso('2016-09-09', 'America/New_York')).toBe('2016-09-09T00:00:00-04:00');
  });

  test('accepts seconds and the T separator', () => {
    expect(parseIso('2016-09-09 10:46:30')).toBe('2016-09-09T10:46:30+07:00');
    expect(parseIso('2016-09-09T10:46')).toBe('2016-09-09T10:46:00+07:00');
    expect(parseIso('2016-09-09T10:46:30')).toBe('2016-09-09T10:46:30+07:00');
  });

  test('uses summer and winter offsets of a zone with daylight saving time', () => {
    expect(parseIso('2021-07-01 12:00', 'Europe/Berlin')).toBe('2021-07-01T12:00:00+02:00');
    expect(parseIso('2021-01-15 12:00', 'Europe/Berlin')).toBe('2021-01-15T12:00:00+01:00');
  });

  test('moves a wall time inside the spring-forward gap forward by the gap', () => {
    const result = parseDate('2021-03-28 02:30', 'Europe/Berlin');
    expect(result.ok && result.instant.iso).toBe('2021-03-28T03:30:00+02:00');
    expect(result.ok && result.skipped).toBe(true);
    const before = parseDate('2021-03-28 01:59', 'Europe/Berlin');
    expect(before.ok && before.skipped).toBeUndefined();
    expect(result.ok && result.instant.time).toBe(Date.UTC(2021, 2, 28, 1, 30));
  });

  test('takes the earlier instant for a wall time that happens twice in autumn', () => {
    const result = parseDate('2021-10-31 02:30', 'Europe/Berlin');
    expect(result.ok && result.instant.iso).toBe('2021-10-31T02:30:00+02:00');
    expect(result.ok && result.instant.time).toBe(Date.UTC(2021, 9, 31, 0, 30));
  });

  test('handles zones with half-hour offsets', () => {
    expect(parseIso('2016-09-09 10:46', 'Asia/Kolkata')).toBe('2016-09-09T10:46:00+05:30');
    expect(parseIso('2016-01-09 10:46', 'Australia/Adelaide')).toBe('2016-01-09T10:46:00+10:30');
  });

  test('reads years before 100 as written, not as 19xx', () => {
    expect(parseIso('0050-06-01', 'UTC')).toBe('0050-06-01T00:00:00+00:00');
  });
});

describe('parseDate refusals', () => {
  test('names the missing day of an impossible calendar date', () => {
    expect(parseReason('2016-02-30')).toBe(
      'Unexpected date "2016-02-30": February 2016 has no day 30, expected a real calendar date such as 2016-09-09 10:46 or 2016-09-09T10:46:00+07:00',
    );
    expect(parseReason('2015-02-29 10:00')).toContain('February 2015 has no day 29');
    expect(parseIso('2016-02-29 10:00')).toBe('2016-02-29T10:00:00+07:00');
  });

  test('names an impossible month, hour, minute or second', () => {
    expect(parseReason('2016-13-01')).toContain('there is no month 13');
    expect(parseReason('2016-00-01')).toContain('there is no month 0');
    expect(parseReason('2016-09-09 25:00')).toContain('there is no hour 25');
    expect(parseReason('2016-09-09 24:00')).toContain('there is no hour 24');
    expect(parseReason('2016-09-09 10:61')).toContain('there is no minute 61');
    expect(parseReason('2016-09-09 10:46:60')).toContain('there is no second 60');
  });

  test('refuses an offset too far from UTC', () => {
    expect(parseReason('2016-09-09T10:46:00+25:00')).toContain('more than 18 hours from UTC');
    expect(parseReason('2016-09-09T10:46:00+07:75')).toContain('there is no offset minute 75');
  });

  test('refuses text that is not a date and says what a date looks like', () => {
    expect(parseReason('kemarin sore')).toBe(
      'Unexpected date "kemarin sore", expected a date such as 2016-09-09, 2016-09-09 10:46 or 2016-09-09T10:46:00+07:00',
    );
    expect(parseReason('09/09/2016')).toContain('Unexpected date "09/09/2016"');
    expect(parseReason('')).toContain('Unexpected empty date');
    expect(parseReason('2016-09-09T10:46:00+07:00 extra')).toContain('Unexpected date');
  });

  test('refuses values that YAML did not read as text', () => {
    expect(parseReason(2016)).toContain('Unexpected number 2016, expected a date');
    expect(parseReason(null)).toContain('Unexpected empty value');
    expect(parseReason(['2016-09-09'])).toContain('Unexpected list');
    expect(parseReason(new Date(Number.NaN))).toContain('Unexpected invalid Date');
  });

  test('takes a JS Date as the instant it holds', () => {
    expect(parseIso(new Date('2016-09-09T03:46:00Z'))).toBe('2016-09-09T10:46:00+07:00');
  });
});

describe('toInstant', () => {
  test('prints an instant in the given zone with its offset at that time', () => {
    const time = Date.UTC(2021, 6, 1, 10, 0);
    expect(toInstant(time, 'Europe/Berlin')).toEqual({ time, iso: '2021-07-01T12:00:00+02:00' });
    expect(toInstant(time, 'America/Los_Angeles').iso).toBe('2021-07-01T03:00:00-07:00');
    expect(toInstant(time, 'UTC').iso).toBe('2021-07-01T10:00:00+00:00');
  });

  test('prints text that parses back to the same instant even for old local mean time offsets', () => {
    const time = Date.UTC(1900, 0, 1);
    const { iso } = toInstant(time, 'Asia/Jakarta');
    expect(iso).toMatch(/^1900-01-01T07:07:\d{2}\+07:07$/);
    expect(Math.abs(Date.parse(iso) - time)).toBeLessThan(60_000);
  });

  test('gives the same text at both sides of a daylight saving change', () => {
    const change = Date.UTC(2021, 2, 28, 1, 0);
    expect(toInstant(change - 1000, 'Europe/Berlin').iso).toBe('2021-03-28T01:59:59+01:00');
    expect(toInstant(change, 'Europe/Berlin').iso).toBe('2021-03-28T03:00:00+02:00');
  });
});

describe('regression: February in common years (found by the 10,000-article benchmark)', () => {
  test('accepts every day of February 2021 and rejects the 29th', () => {
    for (let day = 1; day <= 28; day++) {
      const text = `2021-02-${String(day).padStart(2, '0')}T17:00:00+00:00`;
      expect(parseDate(text, 'Asia/Jakarta').ok, text).toBe(true);
    }
    expect(parseDate('2021-02-29', 'Asia/Jakarta').ok).toBe(false);
    expect(parseDate('2024-02-29', 'Asia/Jakarta').ok).toBe(true);
  });

  test('accepts the last day of every month of a common year', () => {
    const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    last.forEach((day, index) => {
      const text = `2023-${String(index + 1).padStart(2, '0')}-${day} 10:00`;
      expect(parseDate(text, 'UTC').ok, text).toBe(true);
    });
  });
});
