import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { StaticFile } from '../output/list-static-files.js';
import { runBounded } from '../output/run-bounded.js';
import { wrapIoError } from '../output/wrap-io-error.js';
import { compareText } from '../site/compare.js';

/** A static SVG that can run script, with what was found (see `findSvgScript`). */
export interface ScriptedSvg {
  readonly source: string;
  readonly found: string;
}

/**
 * The SVG files among `files` (the static folder's, or page bundles') that can
 * run script: each is read whole, and parsed only when its text may hold
 * script (see `mayHoldScript`; a newsroom's static folder can hold thousands
 * of charts, whose parses took 13 s of every build at 2,000). Published as they are, such a file runs its script on the
 * site's own domain when opened by its URL, so each is a warning on every
 * build that lists the folder, up to date or not (see {@link describeScriptedSvgs}).
 */
export async function findScriptedSvgs(files: readonly StaticFile[]): Promise<readonly ScriptedSvg[] | undefined> {
  const svgs = files.filter((file) => /\.svg$/i.test(file.path));
  if (svgs.length === 0) return undefined;
  const { findSvgScript } = await import('../markdown/find-svg-script.js');
  const found: ScriptedSvg[] = [];
  await runBounded(svgs, 8, async (file) => {
    const text = await readFile(file.source, 'utf8').catch((error: unknown) => {
      throw wrapIoError(error, 'read the static file', file.source);
    });
    const script = findSvgScript(text);
    if (script !== undefined) found.push({ source: file.source, found: script });
  });
  return found.sort((a, b) => compareText(a.source, b.source));
}

/** A listing's files (paths relative to `dir`) as files to read. */
export function toSources(dir: string, files: readonly { readonly path: string }[]): StaticFile[] {
  return files.map((file) => ({ path: file.path, source: path.join(dir, file.path) }));
}

/** An `svg-script` warning for each static SVG that can run script, its file as `shown` names it. */
export function describeScriptedSvgs(
  svgs: readonly ScriptedSvg[] | undefined,
  shown: (file: string) => string,
): Diagnostic[] {
  return (svgs ?? []).map((svg) =>
    createDiagnostic({
      file: shown(svg.source),
      severity: 'warning',
      reason: `Unexpected script in an SVG published as it is (${svg.found}): opened by its URL, it runs on the site's domain`,
      ruleId: 'svg-script',
    }),
  );
}
