/** A checked locale: the canonical tag and the value for `<html lang>`. */
export type CheckedLocale = { ok: true; locale: string; lang: string } | { ok: false; reason: string };

/** A checked time zone: the canonical IANA name. */
export type CheckedTimeZone = { ok: true; timeZone: string } | { ok: false; reason: string };

const LOCALE_EXAMPLES = 'expected a BCP 47 locale such as id-ID or en-US';
const ZONE_EXAMPLES = 'expected an IANA time zone such as Asia/Jakarta, Europe/Berlin or UTC';

// Abbreviations people write for zones they mean; ambiguous ones (CST, IST) are left out.
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  JST: 'Asia/Tokyo',
  SGT: 'Asia/Singapore',
};

/**
 * Checks a configured locale's spelling: canonicalises it (`id-id` → `id-ID`)
 * and refuses malformed tags. Whether the runtime has date data for it is
 * `findMissingLocaleData`'s question.
 * `lang` drops Unicode extensions (`-u-nu-…`), for `<html lang>`.
 */
export function checkLocale(value: string): CheckedLocale {
  const text = value.trim();
  if (text === '') return { ok: false, reason: `Unexpected empty locale, ${LOCALE_EXAMPLES}` };
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(text)[0] ?? '';
  } catch {
    const hint = text.includes('_') ? ` (use a hyphen: ${text.replaceAll('_', '-')})` : '';
    return { ok: false, reason: `Unexpected locale ${JSON.stringify(text)}, ${LOCALE_EXAMPLES}${hint}` };
  }
  const lang = new Intl.Locale(locale).baseName;
  return { ok: true, locale, lang };
}

/**
 * Why the runtime cannot format dates for a well-formed locale (`zz`), or
 * undefined when it can. Apart from `checkLocale` because asking loads ICU's
 * locale data, which only a build that renders pages needs: a build that
 * finds nothing changed skips it.
 */
export function findMissingLocaleData(locale: string): string | undefined {
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) return undefined;
  return `Unexpected locale ${JSON.stringify(locale)}: no date or language data is available for it, ${LOCALE_EXAMPLES}`;
}

/**
 * Checks a configured time zone: an IANA name the runtime knows, returned in its
 * canonical spelling (`asia/jakarta` → `Asia/Jakarta`). Fixed offsets and
 * abbreviations are refused, with a suggestion when the meaning is clear.
 */
export function checkTimeZone(value: string): CheckedTimeZone {
  const text = value.trim();
  if (text === '') return { ok: false, reason: `Unexpected empty time zone, ${ZONE_EXAMPLES}` };
  const suggestion = ZONE_ABBREVIATIONS[text.toUpperCase()];
  if (suggestion) {
    return {
      ok: false,
      reason: `Unexpected time zone ${JSON.stringify(text)}, ${ZONE_EXAMPLES} (did you mean ${suggestion}?)`,
    };
  }
  // Newer runtimes accept offsets like `+07:00` as zones; they have no DST rules or
  // names, so refuse them everywhere for the same config to work on every Node.
  if (/^[+-]\d/.test(text)) {
    return {
      ok: false,
      reason: `Unexpected time zone ${JSON.stringify(text)}: a fixed offset is not a time zone, ${ZONE_EXAMPLES}`,
    };
  }
  // The runtime's list of zones answers for names spelled as it spells them, without
  // loading ICU's formatting data as a formatter does.
  if (text === 'UTC' || Intl.supportedValuesOf('timeZone').includes(text)) return { ok: true, timeZone: text };
  try {
    const timeZone = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    return { ok: true, timeZone };
  } catch {
    return { ok: false, reason: `Unexpected time zone ${JSON.stringify(text)}, ${ZONE_EXAMPLES}` };
  }
}
