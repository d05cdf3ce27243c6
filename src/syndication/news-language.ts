/**
 * The ISO 639 language code Google News wants (`id`, `en`, `zh-cn`, `zh-tw`)
 * for a BCP 47 locale: the language subtag, except Chinese, which names the
 * script variant (traditional for Hant, Taiwan, Hong Kong and Macau).
 */
export function createNewsLanguage(locale: string): string {
  const parsed = new Intl.Locale(locale).maximize();
  const language = parsed.language.toLowerCase();
  if (language !== 'zh') return language;
  return parsed.script === 'Hant' || ['TW', 'HK', 'MO'].includes(parsed.region ?? '') ? 'zh-tw' : 'zh-cn';
}
