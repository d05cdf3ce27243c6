import path from 'node:path';
import { checkBaseUrl } from '../config/check-base-url.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { checkLocale, checkTimeZone, findMissingLocaleData } from '../i18n/resolve-locale.js';

/** What `newsgen init` asks for, or takes from its flags. */
export interface StarterSettings {
  readonly title: string;
  readonly baseUrl: string;
  readonly locale: string;
  readonly timeZone: string;
}

/** The config file format `init` writes. */
export type ConfigFormat = 'yaml' | 'json';

/** The URL written when none is given: reserved for examples, so it is plainly a placeholder. */
export const PLACEHOLDER_BASE_URL = 'https://example.org/';

/**
 * Settings without a terminal to ask in: the title from the folder's name
 * (`warta-kita` → `Warta Kita`), and the same defaults as a config without
 * those keys, so the result never depends on the machine.
 */
export function defaultStarterSettings(dir: string): StarterSettings {
  const words = path
    .basename(path.resolve(dir))
    .split(/[-_\s.]+/)
    .filter(Boolean);
  const title = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  return { title: title || 'News', baseUrl: PLACEHOLDER_BASE_URL, locale: 'en', timeZone: 'UTC' };
}

/** A problem with one answer, in words for a prompt or a usage error; `undefined` when it is fine. */
export function checkStarterSetting(key: keyof StarterSettings, value: string): string | undefined {
  switch (key) {
    case 'title':
      return value.trim() === '' ? 'Expected a site name' : undefined;
    case 'baseUrl':
      return checkStarterBaseUrl(value);
    case 'locale': {
      const checked = checkLocale(value);
      return checked.ok ? findMissingLocaleData(checked.locale) : checked.reason;
    }
    case 'timeZone': {
      const checked = checkTimeZone(value);
      return checked.ok ? undefined : checked.reason;
    }
  }
}

/**
 * Refuses what builds would refuse in `baseUrl` (see `checkBaseUrl`), and
 * what they would change: the URL is written as given, with a `/` added,
 * and a query or fragment would be left out of every page and feed without
 * a word. Its scheme and host are spelled out, as the config file shows them.
 */
function checkStarterBaseUrl(value: string): string | undefined {
  if (!/^https?:\/\/[^/\s]+/i.test(value)) return 'Expected an absolute http(s) URL such as https://example.org/';
  const checked = checkBaseUrl(value);
  if (!checked.ok) return `Unexpected URL${checked.problem.startsWith(',') ? '' : ' '}${checked.problem}`;
  if (checked.dropped !== undefined)
    return `Unexpected "${checked.dropped}" in the URL: builds leave a query or fragment out of every page and feed, expected a URL such as ${checked.url.href}`;
  return undefined;
}

/** Canonical settings (`id-id` → `id-ID`), or a usage error naming the flag of the first bad value. */
export function finishStarterSettings(settings: StarterSettings): StarterSettings {
  const flags: Record<keyof StarterSettings, string> = {
    title: '--title',
    baseUrl: '--base-url',
    locale: '--locale',
    timeZone: '--time-zone',
  };
  for (const key of Object.keys(flags) as (keyof StarterSettings)[]) {
    const problem = checkStarterSetting(key, settings[key]);
    if (problem)
      throw new NewsgenError(`${problem} (${flags[key]} "${settings[key]}")`, { code: 'usage', exitCode: 2 });
  }
  const locale = checkLocale(settings.locale);
  const timeZone = checkTimeZone(settings.timeZone);
  return {
    title: settings.title.trim(),
    baseUrl: settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`,
    locale: locale.ok ? locale.locale : settings.locale,
    timeZone: timeZone.ok ? timeZone.timeZone : settings.timeZone,
  };
}
