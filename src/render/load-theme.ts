import { createHash } from 'node:crypto';
import { type PartialLayer, readThemeFiles, type ThemeFiles } from './read-theme-files.js';

/** The theme's files read and fingerprinted, before any compiling: enough to tell whether pages need rendering. */
export interface LoadedTheme {
  readonly files: ThemeFiles;
  readonly fingerprint: string;
}

/**
 * Reads the theme, plugins' partials and the site's overrides and fingerprints them with the UI
 * strings. Cheap (no Handlebars), so a build with nothing to render never
 * loads the template engine.
 */
export async function loadTheme(input: {
  themeDir: string;
  templatesDir: string | undefined;
  strings: Readonly<Record<string, string>>;
  /** Plugins' partials, laid between the theme and the site's templates. */
  partials?: readonly PartialLayer[];
}): Promise<LoadedTheme> {
  const files = await readThemeFiles(input.themeDir, input.templatesDir, undefined, input.partials);
  return { files, fingerprint: fingerprintTheme(files, input.strings) };
}

/** Hash of every template, asset and UI string: pages only need re-rendering when it changes. */
export function fingerprintTheme(files: ThemeFiles, strings: Readonly<Record<string, string>>): string {
  const hash = createHash('sha1');
  for (const template of files.templates) hash.update(`${template.name}\0${template.source}\0`);
  for (const asset of files.assets) hash.update(`${asset.path}\0`).update(asset.contents);
  return hash.update(JSON.stringify(strings)).digest('hex');
}
