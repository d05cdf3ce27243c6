import { describe, expect, test } from 'vitest';
import { compileDatePattern } from '../../src/i18n/compile-date-pattern.js';
import { createDateFormatter } from '../../src/i18n/format-date.js';

const SEED = Date.parse('2016-09-09T10:46:00+07:00');

describe('createDateFormatter in Indonesian', () => {
  const jakarta = createDateFormatter('id-ID', 'Asia/Jakarta');

  test('prints the seed article date exactly as the seed page shows it', () => {
    expect(jakarta.format(SEED, 'dddd, DD MMM YYYY HH:mm z')).toBe('Jumat, 09 Sep 2016 10:46 WIB');
  });

  test('uses the Indonesian short month names', () => {
    const months = Array.from({ length: 12 }, (_, month) => jakarta.format(Date.UTC(2016, month, 15), 'MMM'));
    expect(months).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des']);
    expect(jakarta.format(Date.UTC(2016, 7, 17, 3), 'D MMMM YYYY')).toBe('17 Agustus 2016');
  });

  test('names every Indonesian zone by its offset: WIB, WITA and WIT', () => {
    const name = (zone: string): string => createDateFormatter('id-ID', zone).format(SEED, 'HH:mm z');
    expect(name('Asia/Jakarta')).toBe('10:46 WIB');
    expect(name('Asia/Pontianak')).toBe('10:46 WIB');
    expect(name('Asia/Makassar')).toBe('11:46 WITA');
    expect(name('Asia/Jayapura')).toBe('12:46 WIT');
  });

  test('calls Pontianak WITA in years when it kept central Indonesian time', () => {
    const pontianak = createDateFormatter('id-ID', 'Asia/Pontianak');
    expect(pontianak.format(Date.UTC(1985, 5, 1, 0), 'HH:mm z')).toBe('08:00 WITA');
  });

  test('prints the short date pattern', () => {
    expect(jakarta.format(SEED, 'DD MMM YYYY')).toBe('09 Sep 2016');
  });
});

describe('createDateFormatter in English and other zones', () => {
  test('prints English names, a 12-hour clock and the day period', () => {
    const english = createDateFormatter('en', 'Asia/Jakarta');
    expect(english.format(SEED, 'dddd, MMMM D, YYYY h:mm A')).toBe('Friday, September 9, 2016 10:46 AM');
    expect(english.format(SEED, 'ddd D MMM')).toBe('Fri 9 Sep');
    expect(english.format(Date.parse('2016-09-09T15:05:00+07:00'), 'hh:mm A')).toBe('03:05 PM');
    expect(english.format(Date.parse('2016-09-09T00:05:00+07:00'), 'h:mm A')).toBe('12:05 AM');
  });

  test('uses the zone name Intl gives outside Indonesia', () => {
    const newYork = createDateFormatter('en-US', 'America/New_York');
    expect(newYork.format(Date.UTC(2021, 6, 1, 16), 'HH:mm z')).toBe('12:00 EDT');
    expect(newYork.format(Date.UTC(2021, 0, 15, 17), 'HH:mm z')).toBe('12:00 EST');
    expect(createDateFormatter('en', 'Asia/Jakarta').format(SEED, 'z')).toBe('GMT+7');
  });

  test('follows daylight saving time in wall time and offset', () => {
    const berlin = createDateFormatter('de-DE', 'Europe/Berlin');
    const change = Date.UTC(2021, 2, 28, 1, 0);
    expect(berlin.format(change - 60_000, 'YYYY-MM-DD HH:mm Z')).toBe('2021-03-28 01:59 +01:00');
    expect(berlin.format(change, 'YYYY-MM-DD HH:mm Z')).toBe('2021-03-28 03:00 +02:00');
    expect(berlin.format(Date.UTC(2021, 6, 1, 10), 'D. MMMM YYYY, H:mm z')).toBe('1. Juli 2021, 12:00 MESZ');
  });

  test('does not depend on the time zone of the process', () => {
    const utc = createDateFormatter('en', 'UTC');
    expect(utc.format(Date.UTC(2016, 0, 1, 0, 0, 5), 'YYYY-MM-DD HH:mm:ss')).toBe('2016-01-01 00:00:05');
  });

  test('uses month names in the form that goes with a day number', () => {
    expect(createDateFormatter('ru-RU', 'Europe/Moscow').format(SEED, 'D MMMM YYYY')).toBe('9 сентября 2016');
  });

  test('names the month in locales that write it as a number and a word, such as Japanese 9月', () => {
    const september = Date.UTC(2026, 8, 7, 3);
    expect(createDateFormatter('ja', 'Asia/Tokyo').format(september, 'MMMM|MMM')).toBe('9月|9月');
    expect(createDateFormatter('ko', 'Asia/Seoul').format(september, 'MMMM|MMM')).toBe('9월|9월');
    expect(createDateFormatter('zh', 'Asia/Shanghai').format(september, 'MMMM|MMM')).toBe('九月|9月');
    // The wall month of the site's zone: 31 January 20:00 UTC is 1 February in Tokyo.
    expect(createDateFormatter('ja', 'Asia/Tokyo').format(Date.UTC(2026, 0, 31, 20), 'MMMM')).toBe('2月');
  });

  test('never prints a bare number for a month name, in any of a spread of locales', () => {
    const locales = ['ja', 'zh', 'zh-TW', 'ko', 'ar', 'th', 'de', 'cs', 'vi', 'fa', 'he', 'hi', 'ru', 'fr', 'id'];
    for (const locale of locales) {
      const formatter = createDateFormatter(locale, 'UTC');
      for (let month = 0; month < 12; month += 1)
        for (const token of ['MMMM', 'MMM'])
          expect(formatter.format(Date.UTC(2026, month, 15), token), `${locale} ${token} ${month + 1}`).not.toMatch(
            /^\p{Nd}*$/u,
          );
    }
  });

  test('keeps a trailing dot of an abbreviated name but never doubles it', () => {
    const french = createDateFormatter('fr-FR', 'Europe/Paris');
    expect(french.format(SEED, 'D MMM YYYY')).toBe('9 sept. 2016');
    expect(french.format(SEED, 'D MMM. YYYY')).toBe('9 sept. 2016');
    expect(french.format(Date.UTC(2016, 4, 9, 12), 'D MMM. YYYY')).toBe('9 mai. 2016');
  });
});

describe('date patterns', () => {
  test('copies bracketed text and unknown characters literally', () => {
    const jakarta = createDateFormatter('id-ID', 'Asia/Jakarta');
    expect(jakarta.format(SEED, '[Diterbitkan] DD/MM/YY [pukul] H.mm')).toBe('Diterbitkan 09/09/16 pukul 10.46');
    expect(jakarta.format(SEED, 'YYYY [a [b] [open')).toBe('2016 a [b [open');
  });

  test('gives the same text for the same pattern on repeated use', () => {
    const jakarta = createDateFormatter('id-ID', 'Asia/Jakarta');
    const first = jakarta.format(SEED, 'dddd, DD MMM YYYY HH:mm z');
    expect(jakarta.format(SEED, 'dddd, DD MMM YYYY HH:mm z')).toBe(first);
  });

  test('prefers the longest token', () => {
    expect(compileDatePattern('MMMMDD[x]')).toEqual([
      { kind: 'token', token: 'MMMM' },
      { kind: 'token', token: 'DD' },
      { kind: 'literal', text: 'x' },
    ]);
  });

  test('formats many dates consistently across the year', () => {
    const jakarta = createDateFormatter('id-ID', 'Asia/Jakarta');
    for (let day = 0; day < 366; day += 1) {
      const time = Date.UTC(2016, 0, 1 + day, 3, 46);
      const iso = new Date(time + 7 * 3_600_000).toISOString();
      expect(jakarta.format(time, 'YYYY-MM-DD[T]HH:mm z')).toBe(`${iso.slice(0, 16)} WIB`);
    }
  });
});

describe("createDateFormatter with the locale's own formats (LLLL, ll)", () => {
  const time = Date.UTC(2026, 11, 7, 3, 40);

  test('writes the date in the order and words of the locale, with the zone', () => {
    const ja = createDateFormatter('ja', 'Asia/Tokyo');
    expect(ja.format(time, 'LLLL')).toContain('2026年12月7日');
    expect(ja.format(time, 'LLLL')).toContain('12:40');
    expect(ja.format(time, 'll')).toBe('2026年12月7日');
    expect(createDateFormatter('de-DE', 'Europe/Berlin').format(time, 'LLLL')).toContain('Montag, 7. Dezember 2026');
  });

  test("uses the locale's digits throughout, and the Gregorian calendar even where the locale has another", () => {
    const arabic = createDateFormatter('ar-EG', 'Africa/Cairo').format(time, 'LLLL');
    expect(arabic).not.toMatch(/[0-9]/);
    expect(arabic).toContain('٢٠٢٦');
    expect(createDateFormatter('th-TH', 'Asia/Bangkok').format(time, 'll')).toContain('2026');
  });

  test('keeps other tokens and literals around them', () => {
    expect(createDateFormatter('fr', 'Europe/Paris').format(time, '[Publié le] ll')).toMatch(
      /^Publié le 7 déc\.? 2026$/,
    );
  });
});
