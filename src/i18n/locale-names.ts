/** CLDR names of months, weekdays and day periods for one locale, read once from `Intl`. */
export interface LocaleNames {
  /** January first, twelve entries. */
  readonly monthsLong: readonly string[];
  readonly monthsShort: readonly string[];
  /** Sunday first, seven entries. */
  readonly weekdaysLong: readonly string[];
  readonly weekdaysShort: readonly string[];
  /** Day period (`AM`/`PM` or the locale's words) for each hour 0–23. */
  readonly dayPeriods: readonly string[];
}

type NameOptions = Pick<Intl.DateTimeFormatOptions, 'month' | 'weekday' | 'day'>;

/**
 * Reads the locale's names from `Intl.DateTimeFormat` in the Gregorian calendar.
 * Month names come from the form used next to a day number (Russian `сентября`,
 * Polish `września`), falling back to the stand-alone month where the locale prints
 * that as a number (Czech short months, Chinese, Japanese, Korean), whole: Japanese
 * writes the stand-alone month as the number and a separate `月`, and the number
 * alone (`9`) reads as no month name at all.
 */
export function createLocaleNames(locale: string): LocaleNames {
  const months = Array.from({ length: 12 }, (_, month) => Date.UTC(2016, month, 15));
  const weekdays = Array.from({ length: 7 }, (_, day) => Date.UTC(2016, 0, 3 + day));
  const hours = Array.from({ length: 24 }, (_, hour) => Date.UTC(2016, 0, 1, hour));
  const monthName = (width: 'long' | 'short'): string[] => {
    const inDate = readParts(locale, { day: 'numeric', month: width }, 'month', months);
    const alone = createNameFormat(locale, { month: width });
    return inDate.map((name, index) => (/^\p{Nd}+$/u.test(name) ? alone.format(months[index]) : name));
  };
  return {
    monthsLong: monthName('long'),
    monthsShort: monthName('short'),
    weekdaysLong: readParts(locale, { weekday: 'long', day: 'numeric' }, 'weekday', weekdays),
    weekdaysShort: readParts(locale, { weekday: 'short', day: 'numeric' }, 'weekday', weekdays),
    dayPeriods: readDayPeriods(locale, hours),
  };
}

function readParts(
  locale: string,
  options: NameOptions,
  type: Intl.DateTimeFormatPartTypes,
  times: readonly number[],
): string[] {
  const format = createNameFormat(locale, options);
  return times.map((time) => format.formatToParts(time).find((part) => part.type === type)?.value ?? '');
}

function createNameFormat(locale: string, options: NameOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', calendar: 'gregory' });
}

function readDayPeriods(locale: string, hours: readonly number[]): string[] {
  const format = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    hourCycle: 'h12',
    timeZone: 'UTC',
    calendar: 'gregory',
  });
  return hours.map(
    (time) =>
      format.formatToParts(time).find((part) => part.type === 'dayPeriod')?.value ??
      (new Date(time).getUTCHours() < 12 ? 'AM' : 'PM'),
  );
}
