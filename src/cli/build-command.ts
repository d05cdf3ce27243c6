import type { Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { build } from '../pipeline/build.js';
import { VERSION } from '../pipeline/version.js';
import { addBuildOptions, type BuildFlags, type CliIo, createCliLogger, loadResolvedConfig } from './build-options.js';
import { formatHelpFooter } from './help-text.js';
import { addReportOptions, diagnosticsOfFailure, type ReportFlags, writeReport } from './report-output.js';

const BUILD_HELP = formatHelpFooter(
  [
    ['newsgen build', 'build into dist/, reusing the cache in node_modules/.cache/newsgen'],
    ['newsgen build --base-url https://example.github.io/warta/ --out public', 'publish under a path'],
    ['newsgen build --json > build.json', 'the change manifest (files written and deleted) as JSON'],
    ['newsgen build --no-cache --now 2026-11-20T12:00:00+07:00', 'a cold build as of a fixed instant'],
  ],
  [
    ['0', 'built'],
    ['1', 'content, template or config errors (nothing is written; the previous output stays)'],
    ['2', 'usage error, or an unsafe argument such as an --out that holds the site (nothing is deleted)'],
  ],
);

/** Registers `newsgen build`, with `--json` and `--format github` reports. */
export function registerBuildCommand(program: Command, io: CliIo): void {
  addReportOptions(addBuildOptions(program.command('build').description('build the site into the output folder')))
    .addHelpText('after', BUILD_HELP)
    .action(async (flags: BuildFlags & ReportFlags) => {
      const started = performance.now();
      const logger = createCliLogger(flags, io);
      const configWarnings: Diagnostic[] = [];
      try {
        const config = await loadResolvedConfig(flags, io, logger, configWarnings);
        const result = await build(config, {
          logger,
          ...(flags.cache === false ? { cache: false as const } : {}),
          ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
        });
        writeReport(io, flags, {
          version: VERSION,
          command: 'build',
          exitCode: 0,
          articles: result.articles,
          pages: result.pages,
          written: result.files.written,
          deleted: result.files.deleted,
          upToDate: result.upToDate,
          diagnostics: configWarnings,
          durationMs: result.durationMs,
        });
      } catch (error) {
        const diagnostics = [...configWarnings, ...diagnosticsOfFailure(error)];
        const exitCode = (error as { exitCode?: number }).exitCode ?? 1;
        if (diagnostics.length > 0)
          writeReport(io, flags, {
            version: VERSION,
            command: 'build',
            exitCode,
            diagnostics,
            durationMs: performance.now() - started,
          });
        throw error;
      }
    });
}
