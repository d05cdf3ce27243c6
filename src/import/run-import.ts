import { readFile } from 'node:fs/promises';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { parseXml } from './parse-xml.js';
import { type ImportPlan, type ImportSettings, planImport } from './plan-import.js';
import { readWxr } from './read-wxr.js';
import { writeImport } from './write-import.js';

/** What `newsgen import wordpress` was given: the export, where to write, and the site's settings. */
export interface ImportRequest extends ImportSettings {
  readonly file: string;
  /** How the export is named in messages (relative to the working folder). */
  readonly shownFile: string;
  readonly contentDir: string;
  readonly force: boolean;
}

/** Reads a WordPress export, plans its files and writes them all (or none); returns the plan for the summary. */
export async function runImport(request: ImportRequest): Promise<ImportPlan> {
  let text: string;
  try {
    text = await readFile(request.file, 'utf8');
  } catch (error) {
    throw new NewsgenError(`Could not read ${request.shownFile}: ${(error as Error).message}`, {
      code: 'import-read',
      file: request.shownFile,
      exitCode: 2,
      cause: error,
    });
  }
  const plan = planImport(readWxr(parseXml(text, request.shownFile), request.shownFile), request);
  await writeImport(plan.files, request.contentDir, { force: request.force, shownDir: request.contentLabel });
  return plan;
}

/** The summary printed after an import: what was written and skipped, and where the images are. */
export function formatImportSummary(plan: ImportPlan): string {
  const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  const articles = plan.files.filter((file) => file.kind === 'article').length;
  const skipped = Object.entries(plan.skipped)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${n} ${reason}`);
  const warnings = plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const lines = [
    `Imported ${count(articles, 'post')} and ${count(plan.files.length - articles, 'page')}; skipped ${skipped.length > 0 ? skipped.join(', ') : 'nothing'}; ${count(warnings, 'warning')}`,
  ];
  if (plan.mediaHosts.length > 0)
    lines.push(`Images still load from ${plan.mediaHosts.join(', ')}: copy them before the old site goes.`);
  return `${lines.join('\n')}\n`;
}
