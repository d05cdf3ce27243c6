import type { Command } from 'commander';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type BuildResult, build, forgetBuildOutput } from '../pipeline/build.js';
import type { OutputChanges } from '../pipeline/session-options.js';
import { VERSION } from '../pipeline/version.js';
import { describeSlowHook } from '../plugins/hook-monitor.js';
import { createChangeManifest } from '../report/change-manifest.js';
import {
  addBuildOptions,
  type BuildFlags,
  type CliIo,
  createCliLogger,
  loadResolvedSite,
  refuseOptionLike,
  useColor,
} from './build-options.js';
import { claimChangesFile, emptyStaleChangesFile, resolveChangesFile, writeChangesFile } from './changes-file.js';
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

const BUILD_HELP = formatHelpFooter(
  [
    ['newsgen build', 'build into dist/, reusing the cache in node_modules/.cache/newsgen'],
    ['newsgen build --base-url https://example.github.io/warta/ --out public', 'publish under a path'],
    ['newsgen build --json > build.json', 'a JSON report: diagnostics, timings, files written and deleted'],
    ['newsgen build --changes changes.json', 'the files written and deleted, with their URLs, for a deploy'],
    ['newsgen build --strict', 'in CI: warnings fail the build'],
    ['newsgen build --no-cache --now 2026-11-20T12:00:00+07:00', 'a cold build as of a fixed instant'],
  ],
  [
    ['0', 'built'],
    [
      '1',
      'content, template or config errors, or warnings with --strict (nothing is written; the previous output stays)',
    ],
    ['2', 'usage error, or an unsafe argument such as an --out that holds the site (nothing is deleted)'],
  ],
);

/** The flag only `build` has. */
interface ChangesFlags {
  changes?: string;
  deferSearch?: boolean;
}

/** Registers `newsgen build`, with `--json` and `--format github` reports and the `--changes` manifest. */
export function registerBuildCommand(program: Command, io: CliIo): void {
  addReportOptions(addBuildOptions(program.command('build').description('build the site into the output folder')))
    .option('--strict', 'fail on warnings too (unknown front matter keys, broken links, missing alt text)')
    .option(
      '--changes <file>',
      'write the files written and deleted, with their URLs, as JSON (for deploys)',
      refuseOptionLike,
    )
    .option('--defer-search', 'keep the last search index (search: true): the next build without it updates the index')
    .addHelpText('after', BUILD_HELP)
    .action((flags: BuildFlags & ReportFlags & ChangesFlags) => runBuildCommand(flags, io));
}

/** What a build command learnt before it failed: the site's folder, the manifest's file, the output it changed. */
interface BuildProgress {
  root?: string;
  config?: ResolvedConfig;
  changesFile?: string;
  output?: OutputChanges;
}

async function runBuildCommand(flags: BuildFlags & ReportFlags & ChangesFlags, io: CliIo): Promise<void> {
  const started = performance.now();
  const configWarnings: Diagnostic[] = [];
  const progress: BuildProgress = {};
  let result: BuildResult;
  try {
    result = await buildSite(flags, io, configWarnings, progress);
  } catch (error) {
    // A failed build changed nothing in the output, and the manifest claimed before it says so; one that
    // failed before its config was known (so where the manifest may go) empties an earlier build's.
    if (progress.root === undefined && flags.changes !== undefined) await emptyStaleChangesFile(io.cwd, flags.changes);
    // One that failed after writing (a plugin's buildEnd) lists what it wrote: the cache knows that output
    // already, so the next build lists none of it, and a deploy reading an empty manifest never uploaded it.
    if (progress.output !== undefined)
      await saveManifest(progress, progress.output, flags).catch((failure: unknown) => reportFailure(failure, io));
    const diagnostics = [...configWarnings, ...diagnosticsOfFailure(error)];
    const exitCode = (error as { exitCode?: number }).exitCode ?? 1;
    if (diagnostics.length > 0)
      writeReport(io, flags, {
        version: VERSION,
        command: 'build',
        exitCode,
        ...progress.output,
        diagnostics,
        durationMs: performance.now() - started,
      });
    throw error;
  }
  writeReport(io, flags, {
    version: VERSION,
    command: 'build',
    exitCode: 0,
    articles: result.articles,
    pages: result.pages,
    written: result.written,
    deleted: result.deleted,
    upToDate: result.upToDate,
    held: result.held,
    diagnostics: [...configWarnings, ...result.warnings],
    timings: result.timings,
    durationMs: result.durationMs,
  });
  await saveManifest(progress, result, flags);
}

/** Resolves the config, claims the manifest's file and builds, noting in `progress` what it got to. */
async function buildSite(
  flags: BuildFlags & ReportFlags & ChangesFlags,
  io: CliIo,
  configWarnings: Diagnostic[],
  progress: BuildProgress,
): Promise<BuildResult> {
  const logger = createCliLogger(flags, io);
  const { config, plugins } = await loadResolvedSite(flags, io, logger, configWarnings, { checkInputs: 'all' });
  progress.root = config.root;
  progress.config = config;
  if (flags.changes !== undefined) {
    const file = resolveChangesFile(flags.changes, io.cwd, config);
    await claimChangesFile(file);
    progress.changesFile = file;
  }
  return await runWatchingPlugins(
    (watch) =>
      build(config, {
        logger,
        color: useColor(io),
        progress: createCliProgress(flags, io),
        ...(flags.cache === false ? { cache: false as const } : {}),
        ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
        ...(flags.deferSearch ? { deferSearch: true } : {}),
        plugins,
        onOutput: (changes) => {
          progress.output = changes;
        },
        ...watch,
      }),
    io.setExitCode && ((late) => io.setExitCode?.(reportFailure(late, io))),
    { onSlow: (call, ms) => logger.warn(describeSlowHook(call, ms)) },
  );
}

/** Writes the change manifest `--changes` asked for, of the files written and deleted. */
async function saveManifest(progress: BuildProgress, changes: OutputChanges, flags: BuildFlags): Promise<void> {
  const { changesFile, config } = progress;
  if (changesFile === undefined || config === undefined) return;
  await writeChangesFile(changesFile, createChangeManifest(changes, config)).catch(async (error: unknown) => {
    // Written once claimed, but not now (a full disk): the next build must not think it has nothing to
    // list, so the cache forgets the output, and that build writes and lists every file.
    if (flags.cache !== false) await forgetBuildOutput(config.root);
    throw error;
  });
}
