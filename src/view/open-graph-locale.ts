/**
 * The `og:locale` value for a BCP 47 locale: Open Graph's `language_TERRITORY`
 * (`id-ID` → `id_ID`). A script subtag and Unicode extensions have no place
 * in it (`zh-Hant-TW` → `zh_TW`, not `zh_Hant-TW`), and a locale without a
 * territory takes its likely one (`en` → `en_US`, `zh-Hans` → `zh_CN`), since
 * a bare language is not of that form. Memoized per locale: every page's head
 * asks, and `Intl.Locale` with `maximize` costs about 25 µs a call (a third of
 * a second of CPU over a 14,000-page build). The memo holds only these
 * strings, so results are the same with or without it.
 */
export function createOpenGraphLocale(locale: string): string {
  let value = openGraphLocales.get(locale);
  if (value === undefined) {
    const parsed = new Intl.Locale(locale);
    const region = parsed.region ?? new Intl.Locale(parsed.baseName).maximize().region;
    value = region === undefined ? parsed.language : `${parsed.language}_${region}`;
    openGraphLocales.set(locale, value);
  }
  return value;
}

const openGraphLocales = new Map<string, string>();
