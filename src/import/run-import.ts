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

/** What the summary calls the kinds of skipped items (one, many); another kind is named as WordPress names it. */
const SKIPPED_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  attachment: ['attachment', 'attachments'],
  revision: ['revision', 'revisions'],
  nav_menu_item: ['menu item', 'menu items'],
  trash: ['trashed post', 'trashed posts'],
};

/**
 * The summary printed after an import: what was written and skipped, then
 * what the site's redirects cannot do for the old addresses, and where the
 * images are.
 */
export function formatImportSummary(plan: ImportPlan, baseUrl: string): string {
  const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  const articles = plan.files.filter((file) => file.kind === 'article').length;
  const skipped = Object.entries(plan.skipped)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => {
      const [one, many] = SKIPPED_NAMES[reason] ?? [reason, reason];
      return count(n, one, many);
    });
  const warnings = plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const lines = [
    `Imported ${count(articles, 'post')} and ${count(plan.files.length - articles, 'page')}; skipped ${skipped.length > 0 ? skipped.join(', ') : 'nothing'}; ${count(warnings, 'warning')}`,
  ];
  return `${[lines[0], ...describeImportNotes(plan, baseUrl)].join('\n')}\n`;
}

/** What the user must do by hand after an import, one sentence each: old addresses no alias answers, images to copy. */
export function describeImportNotes(plan: ImportPlan, baseUrl: string): string[] {
  const notes: string[] = [];
  const site = new URL(baseUrl);
  if (plan.outside.length > 0) {
    const n = plan.outside.length;
    notes.push(
      `${n} old permalink${n === 1 ? '' : 's'} (${plan.outside[0]}${n > 1 ? ', …' : ''}) lie${n === 1 ? 's' : ''} outside ${site.pathname}, the path of baseUrl ${baseUrl}, and got no alias: no redirect of the site is served there, so redirect them on the web server.`,
    );
  }
  if (plan.oldHosts.length > 0)
    notes.push(
      `Old permalinks are on ${plan.oldHosts.join(', ')}, not on ${site.host} (baseUrl): their aliases redirect only once ${plan.oldHosts.length === 1 ? 'that host forwards' : 'those hosts forward'} every path to ${site.host}. If the site is to stay at the old address, set baseUrl to it and import again with --force.`,
    );
  if (plan.mediaHosts.length > 0)
    notes.push(`Images still load from ${plan.mediaHosts.join(', ')}: copy them before the old site goes.`);
  return notes;
}
