/**
 * The `og:locale` value for a BCP 47 locale: Open Graph's `language_TERRITORY`
 * (`id-ID` → `id_ID`). A script subtag and Unicode extensions have no place
 * in it (`zh-Hant-TW` → `zh_TW`, not `zh_Hant-TW`), and a locale without a
 * territory takes its likely one (`en` → `en_US`, `zh-Hans` → `zh_CN`), since
 * a bare language is not of that form.
 */
export function createOpenGraphLocale(locale: string): string {
  const parsed = new Intl.Locale(locale);
  const region = parsed.region ?? new Intl.Locale(parsed.baseName).maximize().region;
  return region === undefined ? parsed.language : `${parsed.language}_${region}`;
}
