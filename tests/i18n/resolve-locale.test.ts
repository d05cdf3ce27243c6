import { describe, expect, test } from 'vitest';
import { checkLocale, checkTimeZone, findMissingLocaleData } from '../../src/i18n/resolve-locale.js';

describe('checkLocale', () => {
  test('canonicalises the tag and gives the html lang value', () => {
    expect(checkLocale('id-ID')).toEqual({ ok: true, locale: 'id-ID', lang: 'id-ID' });
    expect(checkLocale(' id-id ')).toEqual({ ok: true, locale: 'id-ID', lang: 'id-ID' });
    expect(checkLocale('EN')).toEqual({ ok: true, locale: 'en', lang: 'en' });
  });

  test('keeps Unicode extensions in the locale but not in lang', () => {
    expect(checkLocale('id-ID-u-nu-latn')).toEqual({ ok: true, locale: 'id-ID-u-nu-latn', lang: 'id-ID' });
  });

  test('refuses malformed tags and suggests a hyphen for underscores', () => {
    const underscore = checkLocale('id_ID');
    expect(underscore.ok).toBe(false);
    expect(!underscore.ok && underscore.reason).toBe(
      'Unexpected locale "id_ID", expected a BCP 47 locale such as id-ID or en-US (use a hyphen: id-ID)',
    );
    expect(checkLocale('not a locale').ok).toBe(false);
    expect(checkLocale('').ok).toBe(false);
  });

  test('leaves the question of date data to findMissingLocaleData', () => {
    expect(checkLocale('xx')).toEqual({ ok: true, locale: 'xx', lang: 'xx' });
  });
});

describe('findMissingLocaleData', () => {
  test('refuses well-formed tags of languages the runtime knows nothing about', () => {
    expect(findMissingLocaleData('xx')).toBe(
      'Unexpected locale "xx": no date or language data is available for it, expected a BCP 47 locale such as id-ID or en-US',
    );
  });

  test('accepts the locales newsgen ships strings for, and their regional forms', () => {
    for (const locale of ['en', 'en-US', 'id', 'id-ID', 'de-DE', 'ja-JP'])
      expect(findMissingLocaleData(locale), locale).toBeUndefined();
  });
});

describe('checkTimeZone', () => {
  test('accepts IANA zones in their canonical spelling', () => {
    expect(checkTimeZone('Asia/Jakarta')).toEqual({ ok: true, timeZone: 'Asia/Jakarta' });
    expect(checkTimeZone('asia/jakarta')).toEqual({ ok: true, timeZone: 'Asia/Jakarta' });
    expect(checkTimeZone('UTC')).toEqual({ ok: true, timeZone: 'UTC' });
    expect(checkTimeZone('Europe/Berlin')).toEqual({ ok: true, timeZone: 'Europe/Berlin' });
  });

  test('gives every zone the runtime lists in the spelling a formatter resolves it to', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    for (const zone of zones) {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
      expect(checkTimeZone(zone), zone).toEqual({ ok: true, timeZone: resolved });
    }
  });

  test('refuses unknown zones with an example of a real one', () => {
    const result = checkTimeZone('Asia/Atlantis');
    expect(!result.ok && result.reason).toBe(
      'Unexpected time zone "Asia/Atlantis", expected an IANA time zone such as Asia/Jakarta, Europe/Berlin or UTC',
    );
    expect(checkTimeZone('').ok).toBe(false);
  });

  test('refuses zone abbreviations and suggests the zone meant', () => {
    const result = checkTimeZone('WIB');
    expect(!result.ok && result.reason).toContain('(did you mean Asia/Jakarta?)');
  });

  test('refuses fixed offsets, which have no name or daylight saving rules', () => {
    const result = checkTimeZone('+07:00');
    expect(!result.ok && result.reason).toContain('a fixed offset is not a time zone');
  });
});
