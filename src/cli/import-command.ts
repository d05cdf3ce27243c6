import path from 'node:path';
import type { Command } from 'commander';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import type { ImportPlan } from '../import/plan-import.js';
import { VERSION } from '../pipeline/version.js';
import type { ReportInput } from '../report/build-report.js';
import { type CliIo, loadSiteConfig, refuseOptionLike, useColor } from './build-options.js';
import { formatHelpFooter } from './help-text.js';
import { diagnosticsOfFailure, writeReport } from './report-output.js';

const EXIT_CODES: readonly (readonly [string, string])[] = [
  ['0', 'every post and page was written; the summary is on stdout (stderr with --json), warnings on stderr'],
  ['1', 'the file is not well-formed XML or not a WordPress export, a file exists already, or writing failed'],
  ['2', 'usage error (an unknown system, a missing file argument), or the export cannot be read'],
];

interface ImportFlags {
  config?: string;
  content?: string;
  force?: boolean;
  json?: boolean;
}

/** Registers `newsgen import wordpress <file>`: a WordPress export (WXR) as articles and pages. */
export function registerImportCommand(program: Command, io: CliIo): void {
  const group = program.command('import').description('import content from another system (wordpress)');
  group
    .command('wordpress')
    .description(
      'write each post of a WordPress export (Tools → Export) as content/<section>/<slug>.md, and each page in content/pages/',
    )
    .argument('<file>', 'the export, a WXR file such as warta.WordPress.2026-11-30.xml')
    .option('-c, --config <file>', 'config file (default: newsgen.config.{json,yaml,yml,js,mjs,ts})', refuseOptionLike)
    .option('--content <dir>', 'content folder (default: content)', refuseOptionLike)
    .option('--force', 'replace files that exist already (default: refuse, and write nothing)')
    .option('--json', 'print one JSON report on stdout (messages stay on stderr)')
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen import wordpress warta.WordPress.2026-11-30.xml', 'posts, drafts and pages into content/'],
          [
            'newsgen import wordpress export.xml && newsgen build',
            'then build: old permalinks redirect to the new URLs',
          ],
          [
            'newsgen import wordpress export.xml --json > import.json',
            'a JSON report: files written, skipped, warnings',
          ],
        ],
        EXIT_CODES,
      ),
    )
    .action((file: string, flags: ImportFlags) => runImportCommand(file, flags, io));
  group.addHelpText(
    'after',
    formatHelpFooter(
      [['newsgen import wordpress export.xml', 'posts, drafts and pages of a WordPress export']],
      EXIT_CODES,
    ),
  );
}

async function runImportCommand(file: string, flags: ImportFlags, io: CliIo): Promise<void> {
  const started = performance.now();
  const report = (input: Omit<ReportInput, 'version' | 'command' | 'durationMs'>) =>
    writeReport(io, flags, { version: VERSION, command: 'import', durationMs: performance.now() - started, ...input });
  let result: { plan: ImportPlan; config: ResolvedConfig; contentLabel: string };
  // The config's warnings (an unknown key, say) belong in the JSON report as a build's do.
  const configWarnings: Diagnostic[] = [];
  try {
    result = await importExport(file, flags, io, configWarnings);
  } catch (error) {
    const diagnostics = [...configWarnings, ...diagnosticsOfFailure(error)];
    report({ exitCode: (error as { exitCode?: number }).exitCode ?? 1, diagnostics });
    throw error;
  }
  const { plan, config, contentLabel } = result;
  const { describeImportNotes, formatImportSummary } = await import('../import/run-import.js');
  const articles = plan.files.filter((planned) => planned.kind === 'article').length;
  report({
    exitCode: 0,
    articles,
    pages: plan.files.length - articles,
    written: plan.files.map((planned) => `${contentLabel}/${planned.path}`),
    skipped: plan.skipped,
    notes: describeImportNotes(plan, config.baseUrl),
    diagnostics: [...configWarnings, ...plan.diagnostics],
  });
  if (plan.diagnostics.length > 0) io.stderr.write(`${formatDiagnostics(plan.diagnostics, { color: useColor(io) })}\n`);
  // With --json, stdout holds the report alone; the summary is a message like the others.
  (flags.json ? io.stderr : io.stdout).write(formatImportSummary(plan, config.baseUrl));
}

async function importExport(file: string, flags: ImportFlags, io: CliIo, configWarnings: Diagnostic[]) {
  const config = await loadSiteConfig(flags, io, configWarnings);
  const { runImport } = await import('../import/run-import.js');
  const contentLabel = path.relative(io.cwd, config.contentDir) || '.';
  const plan = await runImport({
    file: path.resolve(io.cwd, file),
    shownFile: path.relative(io.cwd, path.resolve(io.cwd, file)),
    contentDir: config.contentDir,
    contentLabel,
    force: flags.force === true,
    baseUrl: config.baseUrl,
    timeZone: config.timeZone,
    permalink: config.permalink,
    sections: config.sections.map((section) => section.slug),
    fallbackSection: config.sections[0]?.slug ?? 'uncategorized',
  });
  return { plan, config, contentLabel };
}
