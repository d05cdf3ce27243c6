import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Page } from './site.js';

/** The static folder as the model sees it: its output paths, and how a message names each file. */
export interface StaticFiles {
  readonly paths: ReadonlySet<string>;
  /** A static file's output path as messages show it (`static/images/a.jpg`). */
  readonly shown: (outputPath: string) => string;
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
  const { staticFiles } = input;
  if (staticFiles.paths.size === 0) return [];
  const pageByUrl = new Map(input.pages.map((page) => [page.url, page]));
  const diagnostics: Diagnostic[] = [];
  for (const path of [...staticFiles.paths].sort()) {
    const found = findTaken(path, pageByUrl, input);
    if (found)
      diagnostics.push(
        createDiagnostic({
          file: staticFiles.shown(path),
          place: undefined,
          reason: `Unexpected static file at ${found.at}, where the build writes ${found.what}`,
          ruleId: 'output-collision',
          hint: 'Rename or remove the static file, or give the page another URL.',
        }),
      );
  }
  return diagnostics;
}

/** What the build writes at a static file's output path, or needs its name for as a folder. */
function findTaken(
  path: string,
  pageByUrl: ReadonlyMap<string, Page>,
  input: Pick<Parameters<typeof checkStaticCollisions>[0], 'describeWritten' | 'describePage'>,
): { at: string; what: string } | undefined {
  const url =
    path.endsWith('/index.html') || path === 'index.html' ? `/${path.slice(0, -'index.html'.length)}` : `/${path}`;
  const page = pageByUrl.get(url);
  if (page) return { at: path, what: `the page ${url} of ${input.describePage(page)}` };
  const folder = pageByUrl.get(`/${path}/`);
  if (folder)
    return {
      at: path,
      what: `the page ${folder.url} of ${input.describePage(folder)}, which needs the folder ${path}/`,
    };
  const written = input.describeWritten(path);
  return written === undefined ? undefined : { at: path, what: written };
}
