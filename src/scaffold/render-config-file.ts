import { stringify } from 'yaml';
import type { ConfigFormat, StarterSettings } from './starter-settings.js';

/** Where the package's JSON Schema sits once the site has installed newsgen. */
export const SCHEMA_PATH = './node_modules/newsgen/newsgen.schema.json';

/** A starter section: its folder under `content/` and its display name. */
export interface StarterSection {
  readonly slug: string;
  readonly name: string;
}

/**
 * The starter site's config file. YAML carries a comment over every key
 * (JSON has no comments: there the schema's descriptions show in editors),
 * and both point editors at the package's schema.
 */
export function renderConfigFile(
  settings: StarterSettings,
  sections: readonly StarterSection[],
  format: ConfigFormat,
): { readonly name: string; readonly text: string } {
  if (format === 'json') {
    const value = { $schema: SCHEMA_PATH, ...settings, sections, perPage: 20, search: true };
    return { name: 'newsgen.config.json', text: `${JSON.stringify(value, null, 2)}\n` };
  }
  const scalar = (value: string | number): string => stringify(value).trimEnd();
  const lines = [
    `# yaml-language-server: $schema=${SCHEMA_PATH}`,
    '# Settings of this newsgen site. Every key is optional; editors that read the',
    '# schema above complete and check them. Flags such as --base-url win over the file.',
    '',
    '# Name of the site, shown in the header, page titles and feeds.',
    `title: ${scalar(settings.title)}`,
    '# Absolute URL the site is published at, with its path if it has one.',
    '# Canonical URLs, feeds and sitemaps are built from it.',
    `baseUrl: ${scalar(settings.baseUrl)}`,
    '# Language and region of dates and interface texts (id-ID, en, en-GB, ...).',
    `locale: ${scalar(settings.locale)}`,
    '# Time zone for article dates written without an offset, and for display.',
    `timeZone: ${scalar(settings.timeZone)}`,
    '# Sections in navigation order: each is a folder under content/.',
    'sections:',
    ...sections.flatMap((section) => [`  - slug: ${scalar(section.slug)}`, `    name: ${scalar(section.name)}`]),
    '# Articles per listing page.',
    'perPage: 20',
    '# Site search: an index of the articles and pages, and a search page at /search/.',
    'search: true',
  ];
  return { name: 'newsgen.config.yaml', text: `${lines.join('\n')}\n` };
}
