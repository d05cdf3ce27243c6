import { memoizePiecewise } from './zone-clock.js';

// Indonesia names its zones by offset: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
// Pontianak was on WITA until 1988, so the name follows the offset, not the zone.
const INDONESIAN_ZONES = new Set([
  'Asia/Jakarta',
  'Asia/Pontianak',
  'Asia/Makassar',
  'Asia/Ujung_Pandang',
  'Asia/Jayapura',
]);
const INDONESIAN_NAMES: Readonly<Record<number, string>> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/**
 * Creates a function giving the short zone name at an instant (`WIB`, `CEST`,
 * `GMT+2`): Intl's `timeZoneName: 'short'`, except that Indonesian zones are
 * always WIB/WITA/WIT for Indonesian locales (language `id` or region `ID`),
 * whatever the runtime's CLDR data says.
 */
export function createZoneNamer(
  locale: string,
  timeZone: string,
  offsetAt: (time: number) => number,
): (time: number) => string {
  const format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  const fromIntl = memoizePiecewise(
    (time) => format.formatToParts(time).find((part) => part.type === 'timeZoneName')?.value ?? '',
  );
  const { language, region } = new Intl.Locale(locale);
  if (!INDONESIAN_ZONES.has(timeZone) || (language !== 'id' && region !== 'ID')) return fromIntl;
  return (time) => INDONESIAN_NAMES[Math.round(offsetAt(time) / 60_000)] ?? fromIntl(time);
}
