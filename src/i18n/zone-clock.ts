const DAY = 86_400_000;

/**
 * Converts between instants and wall-clock time in one IANA time zone, without
 * depending on the time zone of the process. Wall times are written as
 * "milliseconds since the epoch as if the wall time were UTC".
 */
export interface ZoneClock {
  readonly timeZone: string;
  /** UTC offset in milliseconds at the instant `time` (positive east of Greenwich). */
  offsetAt(time: number): number;
  /**
   * The instant shown as `wall` on clocks in the zone. In a DST gap (a wall time
   * that never happens) the time moves forward by the gap; in an overlap (a wall time
   * that happens twice) the earlier instant wins. This is Temporal's `compatible` rule.
   */
  fromWall(wall: number): number;
}

/** Milliseconds for a UTC date and time, correct for years 0–99 too (which `Date.UTC` maps to 19xx). */
export function toUtcTime(
  year: number,
  monthIndex: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  // setUTCFullYear with all three fields keeps years 0-99 literal (Date.UTC would
  // read them as 19xx) and rolls day and month over within the real year.
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

/** Creates a clock for `timeZone` (which must be valid; see `checkTimeZone`). */
export function createZoneClock(timeZone: string): ZoneClock {
  const offsetAt = memoizePiecewise(createOffsetReader(timeZone));
  return {
    timeZone,
    offsetAt,
    fromWall(wall) {
      const before = offsetAt(wall - DAY);
      const after = offsetAt(wall + DAY);
      const candidates = [wall - before, wall - after].filter((time, index) => {
        return offsetAt(time) === (index === 0 ? before : after);
      });
      // Both candidates valid: an overlap, take the earlier. None: a gap, keep the
      // offset from before the transition, which lands after the gap.
      return candidates.length > 0 ? Math.min(...candidates) : wall - before;
    },
  };
}

/**
 * Wraps a function of time that changes value rarely (UTC offsets, zone names
 * change a few times a year) so most calls are a map lookup instead of an `Intl`
 * call: when the values at the start of this day and the next agree, the value
 * holds in between (no zone changes and changes back within a day); otherwise
 * it is computed exactly. The cache lives in the returned closure.
 */
export function memoizePiecewise<T>(compute: (time: number) => T): (time: number) => T {
  const starts = new Map<number, T>();
  const atStart = (bucket: number): T => {
    if (starts.has(bucket)) return starts.get(bucket) as T;
    const value = compute(bucket * DAY);
    starts.set(bucket, value);
    return value;
  };
  return (time) => {
    const bucket = Math.floor(time / DAY);
    const value = atStart(bucket);
    return value === atStart(bucket + 1) ? value : compute(time);
  };
}

function createOffsetReader(timeZone: string): (time: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (time) => {
    const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    let beforeChrist = false;
    for (const part of format.formatToParts(time)) {
      if (part.type === 'era') beforeChrist = part.value === 'BC';
      else if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
    }
    const year = beforeChrist ? 1 - fields.year : fields.year;
    const wall = toUtcTime(year, fields.month - 1, fields.day, fields.hour % 24, fields.minute, fields.second);
    const wholeSecond = time - (((time % 1000) + 1000) % 1000);
    return wall - wholeSecond;
  };
}

/**
 * The shared clock for a time zone. Building one costs an `Intl.DateTimeFormat`,
 * far too slow to repeat for every date of every article, so clocks
 * are memoized per zone. The memo only holds immutable formatters and derived
 * offsets: results are the same with or without it.
 */
export function getZoneClock(timeZone: string): ZoneClock {
  let clock = sharedClocks.get(timeZone);
  if (!clock) {
    clock = createZoneClock(timeZone);
    sharedClocks.set(timeZone, clock);
  }
  return clock;
}

const sharedClocks = new Map<string, ZoneClock>();

/** The calendar year at the instant `time` on clocks in `timeZone` (the copyright line's year). */
export function yearAt(time: number, timeZone: string): number {
  const clock = getZoneClock(timeZone);
  return new Date(time + clock.offsetAt(time)).getUTCFullYear();
}

/** The instant the year after the one at `time` begins on clocks in `timeZone`: when `yearAt` changes next. */
export function startOfNextYear(time: number, timeZone: string): number {
  return getZoneClock(timeZone).fromWall(toUtcTime(yearAt(time, timeZone) + 1, 0, 1));
}
