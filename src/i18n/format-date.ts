import { compileDatePattern, type DateToken } from './compile-date-pattern.js';
import { createLocaleNames, type LocaleNames } from './locale-names.js';
import { getZoneClock } from './zone-clock.js';
import { createZoneNamer } from './zone-name.js';

/** Formats instants with token patterns in one locale and time zone. */
export interface DateFormatter {
  readonly locale: string;
  readonly timeZone: string;
  /**
   * Prints `time` (ms since the epoch) as wall time in the formatter's zone.
   * Tokens: `dddd` `ddd` weekday, `DD` `D` day, `MMMM` `MMM` `MM` `M` month,
   * `YYYY` `YY` year, `HH` `H` 24-hour, `hh` `h` 12-hour, `mm` `m` minute,
   * `ss` `s` second, `A` day period, `z` zone name (`WIB`), `Z` offset (`+07:00`),
   * `[text]` literal text. Names come from CLDR as they are, so French `sept.`
   * keeps its dot; a dot right after a name token in the pattern is not doubled;
   * a month the locale writes as a number is named as it stands alone (`9月`).
   * Numbers are always in Latin digits, in the Gregorian calendar. `LLLL` (the
   * long date and time with the zone) and `ll` (the short date) are written as
   * the locale writes them, its order, words and digits (`2026年12月7日月曜日
   * 12:40 JST`), in the Gregorian calendar: the patterns of a language newsgen
   * has no dictionary for.
   */
  format(time: number, pattern: string): string;
}

type Piece = (wall: Date, time: number) => string;

interface FormatContext {
  readonly locale: string;
  readonly timeZone: string;
  readonly names: LocaleNames;
  readonly offsetAt: (time: number) => number;
  readonly zoneNameAt: (time: number) => string;
}

const NAME_TOKENS = new Set<DateToken>(['dddd', 'ddd', 'MMMM', 'MMM', 'A', 'z']);

/**
 * Creates a formatter for a checked locale and time zone (see `checkLocale`,
 * `checkTimeZone`). All `Intl` objects are built here, once, and each pattern is
 * compiled on first use, so formatting many dates stays cheap.
 */
export function createDateFormatter(locale: string, timeZone: string): DateFormatter {
  const clock = getZoneClock(timeZone);
  const context: FormatContext = {
    locale,
    timeZone,
    names: createLocaleNames(locale),
    offsetAt: clock.offsetAt,
    zoneNameAt: createZoneNamer(locale, timeZone, clock.offsetAt),
  };
  const compiled = new Map<string, readonly Piece[]>();
  return {
    locale,
    timeZone,
    format(time, pattern) {
      let pieces = compiled.get(pattern);
      if (!pieces) {
        pieces = compilePieces(pattern, context);
        compiled.set(pattern, pieces);
      }
      const wall = new Date(time + context.offsetAt(time));
      let text = '';
      for (const piece of pieces) text += piece(wall, time);
      return text;
    },
  };
}

function compilePieces(pattern: string, context: FormatContext): readonly Piece[] {
  const parts = compileDatePattern(pattern);
  return parts.map((part, index): Piece => {
    if (part.kind === 'literal') return () => part.text;
    const piece = createPiece(part.token, context);
    const next = parts[index + 1];
    const dotFollows = next?.kind === 'literal' && next.text.startsWith('.');
    return NAME_TOKENS.has(part.token) && dotFollows ? (wall, time) => piece(wall, time).replace(/\.$/, '') : piece;
  });
}

/** The locale's own long date and time (`LLLL`) and short date (`ll`), as `Intl` writes them. */
const LOCALE_FORMATS: Readonly<Record<'LLLL' | 'll', Intl.DateTimeFormatOptions>> = {
  LLLL: {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  ll: { year: 'numeric', month: 'short', day: 'numeric' },
};

function createPiece(token: DateToken, context: FormatContext): Piece {
  const { names, offsetAt, zoneNameAt } = context;
  if (token === 'LLLL' || token === 'll') {
    const format = new Intl.DateTimeFormat(context.locale, {
      ...LOCALE_FORMATS[token],
      timeZone: context.timeZone,
      calendar: 'gregory',
    });
    return (_wall, time) => format.format(time);
  }
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const hour12 = (wall: Date): number => wall.getUTCHours() % 12 || 12;
  switch (token) {
    case 'dddd':
      return (wall) => names.weekdaysLong[wall.getUTCDay()] ?? '';
    case 'ddd':
      return (wall) => names.weekdaysShort[wall.getUTCDay()] ?? '';
    case 'DD':
      return (wall) => pad(wall.getUTCDate());
    case 'D':
      return (wall) => String(wall.getUTCDate());
    case 'MMMM':
      return (wall) => names.monthsLong[wall.getUTCMonth()] ?? '';
    case 'MMM':
      return (wall) => names.monthsShort[wall.getUTCMonth()] ?? '';
    case 'MM':
      return (wall) => pad(wall.getUTCMonth() + 1);
    case 'M':
      return (wall) => String(wall.getUTCMonth() + 1);
    case 'YYYY':
      return (wall) => pad(wall.getUTCFullYear(), 4);
    case 'YY':
      return (wall) => pad(wall.getUTCFullYear() % 100);
    case 'HH':
      return (wall) => pad(wall.getUTCHours());
    case 'H':
      return (wall) => String(wall.getUTCHours());
    case 'hh':
      return (wall) => pad(hour12(wall));
    case 'h':
      return (wall) => String(hour12(wall));
    case 'mm':
      return (wall) => pad(wall.getUTCMinutes());
    case 'm':
      return (wall) => String(wall.getUTCMinutes());
    case 'ss':
      return (wall) => pad(wall.getUTCSeconds());
    case 's':
      return (wall) => String(wall.getUTCSeconds());
    case 'A':
      return (wall) => names.dayPeriods[wall.getUTCHours()] ?? '';
    case 'z':
      return (_wall, time) => zoneNameAt(time);
    case 'Z':
      return (_wall, time) => formatOffset(Math.round(offsetAt(time) / 60_000));
  }
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
