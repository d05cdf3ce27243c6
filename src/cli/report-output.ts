import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import { type Progress, SILENT_PROGRESS } from '../logger/progress.js';
import { createTerminalProgress } from '../logger/terminal-progress.js';
import { createBuildReport, type ReportInput } from '../report/build-report.js';
import { formatGithubAnnotations } from '../report/format-github-annotations.js';
import type { CliIo } from './build-options.js';

/** The report flags of `build` and `check`. */
export interface ReportFlags {
  json?: boolean;
  format?: 'human' | 'github';
  quiet?: boolean;
}

/** Adds `--json` and `--format` to a command. */
export function addReportOptions(command: Command): Command {
  return command
    .addOption(new Option('--json', 'print one JSON report on stdout (messages stay on stderr)').conflicts('format'))
    .addOption(
      new Option('--format <format>', 'github: also print problems as GitHub Actions annotations on stdout')
        .choices(['human', 'github'])
        .default('human'),
    );
}

/** The progress display the flags and the terminal allow: only on a TTY, never in CI, with --quiet or --json. */
export function createCliProgress(flags: ReportFlags, io: CliIo): Progress {
  const wanted = io.stderr.isTTY === true && io.env['CI'] === undefined && !flags.quiet && !flags.json;
  return wanted ? createTerminalProgress(io.stderr) : SILENT_PROGRESS;
}

/**
 * Prints the machine-readable report the flags ask for (nothing for plain
 * human output). The report, every diagnostic in its form, is made only to be
 * printed: for 100,000 warnings that took a sixth of a second.
 */
export function writeReport(io: CliIo, flags: ReportFlags, input: ReportInput): void {
  if (flags.json) io.stdout.write(`${JSON.stringify(createBuildReport(input), null, 2)}\n`);
  else if (flags.format === 'github') io.stdout.write(formatGithubAnnotations(input.diagnostics, githubBase(io)));
}

/**
 * The working directory's path from the repository's root on GitHub Actions
 * (`GITHUB_WORKSPACE`), with `/`: a site in `site/` built with
 * `working-directory: site` reports `content/x.md`, which GitHub looks for
 * at the repository's root and so shows on no line of the diff. Empty
 * elsewhere, and for a working directory outside the workspace.
 */
function githubBase(io: CliIo): string {
  const workspace = io.env['GITHUB_WORKSPACE'];
  if (!workspace) return '';
  const relative = path.relative(workspace, io.cwd);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return '';
  return relative.split(path.sep).join('/');
}

/**
 * The diagnostics a failed run carries: its own, or the error itself as one.
 * A bug is one too (`internal-error`), so a `--json` report or the GitHub
 * annotations still say that the run failed; its stack goes to stderr.
 */
export function diagnosticsOfFailure(error: unknown): Diagnostic[] {
  if (!isNewsgenError(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ file: '.', severity: 'error', reason: `newsgen crashed: ${reason}`, ruleId: 'internal-error' }];
  }
  if (error.diagnostics.length > 0) return [...error.diagnostics];
  return [
    {
      file: error.file ?? '.',
      ...(error.place ? { place: error.place } : {}),
      severity: 'error',
      reason: error.message,
      ruleId: error.code,
      ...(error.hint ? { hint: error.hint } : {}),
    },
  ];
}
