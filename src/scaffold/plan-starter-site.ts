import path from 'node:path';
import { toInstant } from '../i18n/parse-date.js';
import { createSlug } from '../url/slug.js';
import { renderConfigFile, type StarterSection } from './render-config-file.js';
import { renderWorkflow } from './render-workflow.js';
import type { ConfigFormat, StarterSettings } from './starter-settings.js';

/** A file of the starter site: path relative to the site's folder, and its text. */
export interface StarterFile {
  readonly path: string;
  readonly text: string;
}

/** The sample content of one language: files under `content/` with `{{…}}` placeholders, and their sections. */
export interface StarterContent {
  readonly files: ReadonlyMap<string, string>;
  readonly sections: readonly StarterSection[];
}

/** What {@link planStarterSite} needs besides the settings. */
export interface StarterInput {
  readonly settings: StarterSettings;
  readonly format: ConfigFormat;
  /** Name of the site's folder, for the package name. */
  readonly folderName: string;
  readonly content: StarterContent;
  /** The newsgen version the site depends on. */
  readonly version: string;
  /** When `init` runs: the sample articles are dated just before it. */
  readonly now: Date;
}

/**
 * Every file of a new site, in a stable order: package.json, the config,
 * .gitignore, the deploy workflow and the sample content (articles, an
 * author profile and an About page). Pure: the same input always gives the
 * same files.
 */
export function planStarterSite(input: StarterInput): StarterFile[] {
  const config = renderConfigFile(input.settings, input.content.sections, input.format);
  const minute = Math.floor(input.now.getTime() / 60_000) * 60_000;
  const values: Record<string, string> = {
    'date.first': toInstant(minute - 10 * 60_000, input.settings.timeZone).iso,
    'date.second': toInstant(minute - 70 * 60_000, input.settings.timeZone).iso,
    'config.extension': input.format,
  };
  const content = [...input.content.files]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, text]) => ({
      path: path.posix.join('content', file),
      text: text.replace(/\{\{([\w.]+)\}\}/g, (token, name: string) => values[name] ?? token),
    }));
  return [
    { path: 'package.json', text: renderPackageJson(input.folderName, input.version) },
    { path: config.name, text: config.text },
    { path: '.gitignore', text: 'node_modules/\ndist/\n' },
    { path: '.github/workflows/deploy.yml', text: renderWorkflow() },
    ...content,
  ];
}

function renderPackageJson(folderName: string, version: string): string {
  const manifest = {
    name: createSlug(folderName) || 'news-site',
    version: '0.0.0',
    private: true,
    type: 'module',
    scripts: { build: 'newsgen build', serve: 'newsgen serve', check: 'newsgen check' },
    dependencies: { newsgen: `^${version}` },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
