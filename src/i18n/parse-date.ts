import type { Instant } from './instant.js';
import { getZoneClock, toUtcTime } from './zone-clock.js';

/** The outcome of reading a front matter date. */
export type ParsedDate =
  | {
      ok: true;
      instant: Instant;
      /** True for a wall time the clocks skip (02:30 the night they go forward), read as the time after the gap. */
      skipped?: true;
    }
  | { ok: false; reason: string };

const EXAMPLES = 'such as 2016-09-09, 2016-09-09 10:46 or 2016-09-09T10:46:00+07:00';
const REAL_EXAMPLES = 'such as 2016-09-09 10:46 or 2016-09-09T10:46:00+07:00';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// YAML 1.1 timestamps and ISO 8601: date, then optionally a time after `T`/`t` or
// blanks, optional fraction, optional `Z` or numeric offset (`+7`, `+07`, `+0700`, `+07:00`).
const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[ \t]*([Zz]|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

/**
 * Reads a front matter date into an instant in the site's time zone.
 * Accepts ISO 8601 and YAML timestamps with or without an offset (`Z`, `+07:00`,
 * `+7`); without one the text is wall time in `timeZone`, never UTC. A JS `Date`
 * is taken as the instant it holds. Impossible calendar dates and times are refused
 * with a reason that names what is wrong.
 */
export function parseDate(value: unknown, timeZone: string): ParsedDate {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time)
      ? { ok: false, reason: `Unexpected invalid Date, expected a date ${EXAMPLES}` }
      : { ok: true, instant: toInstant(time, timeZone) };
  }
  if (typeof value !== 'string') {
    return { ok: false, reason: `Unexpected ${describeValue(value)}, expected a date ${EXAMPLES}` };
  }
  const text = value.trim();
  const match = DATE_TIME.exec(text);
  if (!match) {
    const shown = text === '' ? 'empty date' : `date ${JSON.stringify(text)}`;
    return { ok: false, reason: `Unexpected ${shown}, expected a date ${EXAMPLES}` };
  }
  const [, year, month, day, hour, minute, second, fraction = '', offset] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour || 0),
    minute: Number(minute || 0),
    second: Number(second || 0),
    millisecond: Number(fraction.slice(0, 3).padEnd(3, '0')),
  };
  const zone = offset ? readOffset(offset) : undefined;
  const problem = findImpossibleField(fields) ?? zone?.problem;
  if (problem) {
    return {
      ok: false,
      reason: `Unexpected date ${JSON.stringify(text)}: ${problem}, expected a real calendar date ${REAL_EXAMPLES}`,
    };
  }
  const wall = toUtcTime(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.millisecond,
  );
  if (zone && 'minutes' in zone) return { ok: true, instant: toInstant(wall - zone.minutes * 60_000, timeZone) };
  const clock = getZoneClock(timeZone);
  const time = clock.fromWall(wall);
  const instant = toInstant(time, timeZone);
  // A wall time inside the gap reads back as another one: moved forward by the gap, and said so.
  return time + clock.offsetAt(time) === wall ? { ok: true, instant } : { ok: true, instant, skipped: true };
}

/**
 * The instant `time` with its ISO 8601 text in `timeZone`: seconds always,
 * milliseconds only when not zero, and a numeric offset (`+00:00`, never `Z`),
 * e.g. `2016-09-09T10:46:00+07:00`.
 */
export function toInstant(time: number, timeZone: string): Instant {
  // Offsets from before standard time can have seconds (Jakarta was +07:07:12);
  // ISO offsets cannot, so round to the minute and print the matching wall time.
  const offsetMinutes = Math.round(getZoneClock(timeZone).offsetAt(time) / 60_000);
  const wall = new Date(time + offsetMinutes * 60_000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const ms = wall.getUTCMilliseconds();
  const clock = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return { time, iso: `${date}T${clock}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}` };
}

interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function findImpossibleField(fields: DateFields): string | undefined {
  if (fields.year < 1) return `there is no year ${fields.year}`;
  if (fields.month < 1 || fields.month > 12) return `there is no month ${fields.month}`;
  const daysInMonth = new Date(toUtcTime(fields.year, fields.month, 0)).getUTCDate();
  if (fields.day < 1 || fields.day > daysInMonth) {
    return `${MONTHS[fields.month - 1]} ${fields.year} has no day ${fields.day}`;
  }
  if (fields.hour > 23) return `there is no hour ${fields.hour}`;
  if (fields.minute > 59) return `there is no minute ${fields.minute}`;
  if (fields.second > 59) return `there is no second ${fields.second}`;
  return undefined;
}

/** Offset text (`Z`, `+7`, `+07`, `+0700`, `+07:00`) to minutes east of UTC, or why it is impossible. */
function readOffset(offset: string): { minutes: number; problem?: never } | { problem: string } {
  if (offset === 'Z' || offset === 'z') return { minutes: 0 };
  const [, sign, hours = '0', minutes = '0'] = /^([+-])(\d{1,2}?)(?::?(\d{2}))?$/.exec(offset) ?? [];
  if (Number(minutes) > 59) return { problem: `there is no offset minute ${minutes}` };
  const total = Number(hours) * 60 + Number(minutes);
  // Real offsets run from -12:00 to +14:00; allow up to 18 hours like java.time.
  if (total > 18 * 60) return { problem: `the offset ${offset} is more than 18 hours from UTC` };
  return { minutes: sign === '-' ? -total : total };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return `${typeof value} ${String(value)}`;
}
