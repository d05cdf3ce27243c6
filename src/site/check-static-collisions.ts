import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Page } from './site.js';

/** The static folder as the model sees it: its output paths, and how a message names each file. */
export interface StaticFiles {
  readonly paths: ReadonlySet<string>;
  /** A static file's output path as messages show it (`static/images/a.jpg`). */
  readonly shown: (outputPath: string) => string;
  /** The text of its `_redirects`, merged into the build's (see `checkHostRedirects`). */
  readonly hostRedirects?: string | undefined;
}

/**
 * Static files at a path where the build writes something of its own: a
 * page (`static/ekonomi/kopi/index.html`), a generated file (`feed.xml`,
 * `404.html`, `robots.txt`), or a file where a page needs a folder
 * (`static/ekonomi` beside the section page `/ekonomi/`). Each is an
 * `output-collision` error naming both, all of them in one run and found by
 * `newsgen check` too; the write stage would stop at the first. Pure.
 */
export function checkStaticCollisions(input: {
  readonly pages: readonly Page[];
  readonly staticFiles: StaticFiles;
  /** What the build writes at an output path whatever the static folder holds, if anything (see `describeFixedOutput`). */
  readonly describeWritten: (outputPath: string) => string | undefined;
  /** The source file of a page, or a description of a generated one. */
  readonly describePage: (page: Page) => string;
}): Diagnostic[] {
  const { paths, shown } = input.staticFiles;
  if (paths.size === 0) return [];
  // Each page asks the static folder for its file and its folder: lookups in a set, not a map of every page.
  const taken = new Map<string, string>();
  const take = (path: string, what: string) => {
    if (!taken.has(path)) taken.set(path, what);
  };
  for (const page of input.pages) {
    const folder = page.url.endsWith('/') ? page.url.slice(1, -1) : undefined;
    const file = folder === undefined ? page.url.slice(1) : folder ? `${folder}/index.html` : 'index.html';
    if (paths.has(file)) take(file, `the page ${page.url} of ${input.describePage(page)}`);
    if (folder && paths.has(folder))
      take(folder, `the page ${page.url} of ${input.describePage(page)}, which needs the folder ${folder}/`);
  }
  for (const path of paths) {
    const written = input.describeWritten(path);
    if (written !== undefined) take(path, written);
  }
  return [...taken.keys()].sort().map((path) =>
    createDiagnostic({
      file: shown(path),
      place: undefined,
      reason: `Unexpected static file at ${path}, where the build writes ${taken.get(path)}`,
      ruleId: 'output-collision',
      hint: 'Rename or remove the static file, or give the page another URL.',
    }),
  );
}
