import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative as relativePath, resolve } from 'node:path';
import { type RefusedEntry, refuseSpecial, resolveLink } from '../boundary/resolve-link.js';
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

/** A file under `assets/`, to be copied to the output. */
export interface ThemeAsset extends OutputFile {
  /** Whether the file is the built-in theme's own (not a site's override or addition). */
  readonly builtIn: boolean;
}

/** Everything a renderer is built from. */
export interface ThemeFiles {
  /** Sorted by name. */
  readonly templates: readonly TemplateSource[];
  /** Files under `assets/`, with output paths `assets/<name>`, sorted by path. */
  readonly assets: readonly ThemeAsset[];
  /** Symlinks of the site's folder leading outside it, and special files: never read. */
  readonly refused?: readonly RefusedEntry[];
}

/** Partials a plugin adds: a folder of `.hbs` files (`x.hbs` is `partials/x`) and sources by name. */
export interface PartialLayer {
  readonly plugin: string;
  readonly dir: string | undefined;
  readonly templates: Readonly<Record<string, string>>;
}

/**
 * Reads the built-in theme and lays plugins' partials (in order), then the
 * site's `templates/` folder over it, file by file: a later layer replaces
 * the file with the same relative path. A missing site folder means no
 * overrides; a missing theme folder, or a plugin's partials folder, is an error.
 * A symlinked file is read when it leads to a file inside `root` (the site
 * folder; by default the templates folder's parent) or the folder itself;
 * links leading elsewhere, links to folders and special files are left out.
 */
export async function readThemeFiles(
  themeDir: string,
  templatesDir: string | undefined,
  root?: string,
  partials: readonly PartialLayer[] = [],
): Promise<ThemeFiles> {
  const chosen = new Map<string, string>();
  const refused: RefusedEntry[] = [];
  /** Templates given as text (plugins' partials by name), with the name shown in messages. */
  const given = new Map<string, TemplateSource>();
  const choose = (relative: string, file: string) => {
    chosen.set(relative, file);
    given.delete(relative);
  };
  for (const relative of await listFiles(themeDir, true, [themeDir], refused))
    choose(relative, join(themeDir, relative));
  for (const layer of partials) {
    if (layer.dir !== undefined)
      for (const relative of await listFiles(layer.dir, true, [layer.dir], refused, layer.plugin))
        if (relative.endsWith('.hbs')) choose(`partials/${relative}`, join(layer.dir, relative));
    for (const [name, source] of Object.entries(layer.templates)) {
      chosen.set(`partials/${name}.hbs`, '');
      given.set(`partials/${name}.hbs`, {
        name: `partials/${name}`,
        file: `plugin "${layer.plugin}": partials/${name}.hbs`,
        source,
      });
    }
  }
  if (templatesDir !== undefined) {
    const insideOf = [root ?? dirname(resolve(templatesDir)), templatesDir];
    for (const relative of await listFiles(templatesDir, false, insideOf, refused))
      choose(relative, join(templatesDir, relative));
  }
  const relatives = [...chosen.keys()].sort(compareStrings);
  const templates: TemplateSource[] = [];
  const assets: ThemeAsset[] = [];
  for (const relative of relatives) {
    const file = chosen.get(relative) ?? relative;
    const text = given.get(relative);
    if (text) templates.push(text);
    else if (relative.startsWith('assets/')) {
      const builtIn = file === join(themeDir, relative);
      assets.push({ path: relative, contents: new Uint8Array(await readFile(file)), builtIn });
    } else if (relative.endsWith('.hbs')) {
      templates.push({ name: relative.slice(0, -'.hbs'.length), file, source: await readFile(file, 'utf8') });
    }
  }
  refused.sort((a, b) => compareStrings(a.path, b.path));
  return refused.length > 0 ? { templates, assets, refused } : { templates, assets };
}

/**
 * Relative paths (forward slashes) of every file under `dir`, dotfiles left
 * out; links only inside `insideOf`. `plugin`: the folder is that plugin's
 * partials, and an error names it (the folder alone does not say whose it is).
 */
async function listFiles(
  dir: string,
  required: boolean,
  insideOf: readonly string[],
  refused: RefusedEntry[],
  plugin?: string,
): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (!required && isMissing(error)) return [];
    throw new NewsgenError(
      plugin === undefined
        ? `Cannot read templates folder ${dir}`
        : `Cannot read the partials folder ${dir} of plugin "${plugin}"`,
      {
        code: 'template-folder',
        file: dir,
        cause: error,
        hint:
          plugin === undefined
            ? 'Check that the folder exists and is readable.'
            : `Check the \`partials\` of plugin "${plugin}": a folder that exists, as a path relative to the site or, in a plugin package, new URL('./partials/', import.meta.url).`,
      },
    );
  }
  return entries
    .filter((entry) => !relativePath(dir, join(entry.parentPath, entry.name)).split(/[\\/]/).some(isDotName))
    .filter((entry) => isReadable(entry, insideOf, refused))
    .map((entry) => relativePath(dir, join(entry.parentPath, entry.name)).replace(/\\/g, '/'));
}

function isDotName(part: string): boolean {
  return part.startsWith('.');
}

/** A regular file, or a link to one inside the project; anything else but a folder is recorded as refused. */
function isReadable(entry: Dirent, insideOf: readonly string[], refused: RefusedEntry[]): boolean {
  if (entry.isFile()) return true;
  if (entry.isDirectory()) return false;
  const file = join(entry.parentPath, entry.name);
  if (!entry.isSymbolicLink()) {
    refused.push(refuseSpecial(file, entry));
    return false;
  }
  const target = resolveLink(file, insideOf);
  if (target.ok && target.kind === 'file') return true;
  refused.push(target.ok ? { path: file, reason: 'is a symlink to a folder, which is not followed' } : target.refused);
  return false;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
