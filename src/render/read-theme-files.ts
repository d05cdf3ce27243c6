import { readdir, readFile } from 'node:fs/promises';
import { join, relative as relativePath } from 'node:path';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { OutputFile } from '../output/output-file.js';

/** One Handlebars file of the theme, after site overrides. */
export interface TemplateSource {
  /** Path inside the templates folder without `.hbs`, e.g. `layout`, `partials/meta/og`. */
  readonly name: string;
  /** Path of the file that was read (built-in theme or site override). */
  readonly file: string;
  readonly source: string;
}

/** Everything a renderer is built from. */
export interface ThemeFiles {
  /** Sorted by name. */
  readonly templates: readonly TemplateSource[];
  /** Files under `assets/`, with output paths `assets/<name>`, sorted by path. */
  readonly assets: readonly OutputFile[];
}

/**
 * Reads the built-in theme and lays the site's `templates/` folder over it,
 * file by file: a site file replaces the theme file with the same relative path.
 * A missing site folder means no overrides; a missing theme folder is an error.
 */
export async function readThemeFiles(themeDir: string, templatesDir: string | undefined): Promise<ThemeFiles> {
  const chosen = new Map<string, string>();
  for (const relative of await listFiles(themeDir, true)) chosen.set(relative, join(themeDir, relative));
  if (templatesDir !== undefined) {
    for (const relative of await listFiles(templatesDir, false)) chosen.set(relative, join(templatesDir, relative));
  }
  const relatives = [...chosen.keys()].sort(compareStrings);
  const templates: TemplateSource[] = [];
  const assets: OutputFile[] = [];
  for (const relative of relatives) {
    const file = chosen.get(relative) ?? relative;
    if (relative.startsWith('assets/')) {
      assets.push({ path: relative, contents: new Uint8Array(await readFile(file)) });
    } else if (relative.endsWith('.hbs')) {
      templates.push({ name: relative.slice(0, -'.hbs'.length), file, source: await readFile(file, 'utf8') });
    }
  }
  return { templates, assets };
}

/** Relative paths (forward slashes) of every file under `dir`, dotfiles left out. */
async function listFiles(dir: string, required: boolean): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (!required && isMissing(error)) return [];
    throw new NewsgenError(`Cannot read templates folder ${dir}`, {
      code: 'template-folder',
      file: dir,
      cause: error,
      hint: 'Check that the folder exists and is readable.',
    });
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relativePath(dir, join(entry.parentPath, entry.name)).replace(/\\/g, '/'))
    .filter((relative) => !relative.split('/').some((part) => part.startsWith('.')));
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
