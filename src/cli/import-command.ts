import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import { type CliIo, loadSiteConfig, refuseOptionLike, useColor } from './build-options.js';
import { formatHelpFooter } from './help-text.js';

const EXIT_CODES: readonly (readonly [string, string])[] = [
  ['0', 'every post and page was written; the summary is on stdout, warnings on stderr'],
  ['1', 'the file is not well-formed XML or not a WordPress export, a file exists already, or writing failed'],
  ['2', 'usage error (an unknown system, a missing file argument), or the export cannot be read'],
];

interface ImportFlags {
  config?: string;
  content?: string;
  force?: boolean;
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
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen import wordpress warta.WordPress.2026-11-30.xml', 'posts, drafts and pages into content/'],
          [
            'newsgen import wordpress export.xml && newsgen build',
            'then build: old permalinks redirect to the new URLs',
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
  const config = await loadSiteConfig(flags, io);
  const { runImport, formatImportSummary } = await import('../import/run-import.js');
  const plan = await runImport({
    file: path.resolve(io.cwd, file),
    shownFile: path.relative(io.cwd, path.resolve(io.cwd, file)),
    contentDir: config.contentDir,
    contentLabel: path.relative(io.cwd, config.contentDir) || '.',
    force: flags.force === true,
    baseUrl: config.baseUrl,
    timeZone: config.timeZone,
    permalink: config.permalink,
    fallbackSection: config.sections[0]?.slug ?? 'uncategorized',
  });
  if (plan.diagnostics.length > 0) io.stderr.write(`${formatDiagnostics(plan.diagnostics, { color: useColor(io) })}\n`);
  io.stdout.write(formatImportSummary(plan, config.baseUrl));
}
