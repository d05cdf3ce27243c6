import type { Command } from 'commander';
import type { runCheck } from '../check/run-check.js';
import { checkInputFolders } from '../config/check-input-folders.js';
import { loadConfig } from '../config/load-config.js';
import { resolveConfig } from '../config/resolve-config.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { formatHeldBack } from '../logger/format-build-summary.js';
import { formatCount } from '../logger/format-count.js';
import { checkOutputPlace } from '../pipeline/check-output-folder.js';
import { VERSION } from '../pipeline/version.js';
import { describeSlowHook } from '../plugins/hook-monitor.js';
import { addBuildOptions, type BuildFlags, type CliIo, createCliLogger, useColor } from './build-options.js';
import { formatHelpFooter } from './help-text.js';
import { reportFailure } from './report-failure.js';
import {
  addReportOptions,
  createCliProgress,
  diagnosticsOfFailure,
  type ReportFlags,
  writeReport,
} from './report-output.js';
import { runWatchingPlugins } from './watch-plugin-faults.js';

interface CheckFlags extends BuildFlags, ReportFlags {
  strict?: boolean;
}

/** Registers `newsgen check`: every build check plus news checks, writing nothing. */
export function registerCheckCommand(program: Command, io: CliIo): void {
  addReportOptions(
    addBuildOptions(
      program
        .command('check')
        .description('check config, content and templates like a build, plus news checks; writes nothing'),
    ),
  )
    .option('--strict', 'fail on warnings too')
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen check', 'every problem of the site, errors and warnings, with file, line and column'],
          ['newsgen check --strict --format github', 'in CI: annotations on the pull request, fail on warnings'],
          ['newsgen check --json > report.json', 'a machine-readable report'],
        ],
        [
          ['0', 'no errors (and, with --strict, no warnings)'],
          ['1', 'errors found (or warnings with --strict)'],
          ['2', 'usage error, or an unsafe argument'],
        ],
      ),
    )
    .action((flags: CheckFlags) => runCheckCommand(flags, io));
}

async function runCheckCommand(flags: CheckFlags, io: CliIo): Promise<void> {
  const started = performance.now();
  const logger = createCliLogger(flags, io);
  const configDiagnostics: Diagnostic[] = [];
  let result: Awaited<ReturnType<typeof runCheck>>;
  try {
    const loaded = await loadConfig(io.cwd, flags.config);
    const inline = inlineOf(flags);
    const resolved = await resolveConfig(io.cwd, loaded, inline, io.now());
    // As `build` checks them: a static or templates folder that is not there fails a check too.
    checkInputFolders(io.cwd, loaded, inline);
    // The output folder's place too (not what it holds: check writes nothing there), so CI stops here
    // rather than at the build after it.
    checkOutputPlace(resolved.config);
    configDiagnostics.push(...resolved.warnings);
    const { runCheck } = await import('../check/run-check.js');
    result = await runWatchingPlugins(
      ({ hookMonitor }) =>
        runCheck(resolved.config, {
          logger,
          progress: createCliProgress(flags, io),
          concurrency: flags.concurrency ?? 'auto',
          hookMonitor,
          plugins: resolved.plugins,
        }),
      io.setExitCode && ((late) => io.setExitCode?.(reportFailure(late, io))),
      { onSlow: (call, ms) => logger.warn(describeSlowHook(call, ms)) },
    );
  } catch (error) {
    const diagnostics = diagnosticsOfFailure(error);
    if (diagnostics.length > 0)
      writeReport(io, flags, {
        version: VERSION,
        command: 'check',
        exitCode: (error as { exitCode?: number }).exitCode ?? 1,
        diagnostics,
        durationMs: performance.now() - started,
      });
    throw error;
  }
  const diagnostics = [...configDiagnostics, ...result.diagnostics];
  const failed = hasErrors(diagnostics) || (flags.strict === true && diagnostics.length > 0);
  writeReport(io, flags, {
    version: VERSION,
    command: 'check',
    exitCode: failed ? 1 : 0,
    articles: result.articles,
    pages: result.pages,
    held: result.held,
    diagnostics,
    timings: result.timings,
    durationMs: performance.now() - started,
  });
  // --quiet prints errors only, as build's does; with --strict every warning is a failure, so it is printed.
  const shown = flags.quiet && !flags.strict ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (shown.length > 0) io.stderr.write(`${formatDiagnostics(shown, { color: useColor(io) })}\n`);
  if (failed)
    throw new NewsgenError(
      `Check failed${flags.strict && !hasErrors(diagnostics) ? ' (--strict: warnings count)' : ''}`,
      {
        code: 'check-failed',
      },
    );
  logger.info(
    `Checked ${formatCount(result.articles ?? 0)} articles and ${formatCount(result.pages ?? 0)} pages: ${diagnostics.length === 0 ? 'no problems' : 'no errors'}`,
  );
  // What a build now would leave out: a scheduled article is no problem, but the editor should see it.
  const held = result.held && formatHeldBack(result.held);
  if (held) logger.info(held);
}

function inlineOf(flags: CheckFlags) {
  return {
    content: flags.content,
    templates: flags.templates,
    static: flags.static,
    out: flags.out,
    baseUrl: flags.baseUrl,
    drafts: flags.drafts,
    future: flags.future,
    now: flags.now,
  };
}
