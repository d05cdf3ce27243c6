import type { ResolvedConfigResult } from '../config/resolve-config.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Logger } from '../logger/create-logger.js';
import { formatBuildSummary, formatHeldBack } from '../logger/format-build-summary.js';
import { formatDuration } from '../logger/format-duration.js';
import type { Concurrency } from '../pipeline/build.js';
import { forgetBuildOutput } from '../pipeline/build.js';
import { createBuildSession } from '../pipeline/build-session.js';
import { checkOutputFolder } from '../pipeline/check-output-folder.js';
import { createHookMonitor, describeSlowHook } from '../plugins/hook-monitor.js';
import { isLoopbackHost } from '../server/check-host.js';
import { createDevServer, type DevServer } from '../server/dev-server.js';
import { toOverlayErrors } from '../server/live-event.js';
import type { WatchDirs } from './collect-changes.js';
import { createAlarm } from './create-alarm.js';
import { createRebuilder, type Rebuilder, type RebuildOutcome } from './create-rebuilder.js';
import { createSearchIndexer } from './create-search-indexer.js';
import { formatRebuild, formatRebuildFailure } from './format-rebuild.js';
import { reportPluginFaults } from './report-plugin-faults.js';
import { watchSite } from './watch-site.js';

/** What `newsgen watch` and `newsgen serve` run with. */
export interface LivePreviewOptions {
  readonly logger: Logger;
  readonly color: boolean;
  /**
   * Reads the config file and flags, with the plugins' code it gave;
   * `baseUrl` overrides the site's (serve previews at its own origin). Not
   * `reread`, the config file read last is resolved again, without running it.
   */
  readonly resolveConfig: (baseUrl: string | undefined, reread: boolean) => Promise<ResolvedConfigResult>;
  readonly version: string;
  readonly concurrency: Concurrency;
  /** Serve the output folder too. */
  readonly serve?: { readonly host: string; readonly port: number };
  /** Resolves when the user asks to stop (Ctrl-C). */
  readonly stopped: Promise<void>;
  /** Prints a line the user (and tests) must always see, even with `--quiet`. */
  readonly announce: (line: string) => void;
}

/**
 * The watch edge: builds once, then rebuilds on every change until stopped,
 * optionally serving the output with live reload. A failed build is printed
 * and shown in open pages, and the last good output stays in place. Resolves
 * once watcher, server and build session are closed.
 */
export async function runLivePreview(options: LivePreviewOptions): Promise<void> {
  const { logger } = options;
  let server: DevServer | undefined;
  const first = await options.resolveConfig(undefined, true);
  // Before anything listens: a refused folder (the home folder, the site itself) is never served, not even
  // for the moment a failed first build would leave the server up.
  checkOutputFolder(first.config);
  if (options.serve) {
    if (!isLoopbackHost(options.serve.host))
      logger.warn(
        `Warning: listening on ${options.serve.host}: the preview (drafts included) is reachable from other machines on the network.`,
      );
    server = await createDevServer({
      root: first.config.outDir,
      host: options.serve.host,
      port: options.serve.port,
      logger,
    });
  }
  try {
    await buildAndWatch(options, first, server);
  } finally {
    await server?.close();
  }
}

async function buildAndWatch(
  options: LivePreviewOptions,
  first: ResolvedConfigResult,
  server: DevServer | undefined,
): Promise<void> {
  const { logger } = options;
  const baseUrl = server?.url;
  const { config, plugins } = baseUrl === undefined ? first : await options.resolveConfig(baseUrl, false);
  // The preview rewrites the output folder with drafts and a local baseUrl: the
  // next `newsgen build` must not trust its cache's picture of that folder.
  await forgetBuildOutput(config.root);
  const hookMonitor = createHookMonitor({ onSlow: (call, ms) => logger.warn(describeSlowHook(call, ms)) });
  const rebuilder = createRebuilder({
    config,
    plugins,
    reloadConfig: () => options.resolveConfig(baseUrl, true),
    clock: () => new Date(),
    // A save shows without waiting for Pagefind: the index follows (see `createSearchIndexer`).
    deferSearch: true,
    openSession: (next, nextPlugins) =>
      createBuildSession(next, {
        logger,
        version: options.version,
        cacheDir: undefined,
        concurrency: options.concurrency,
        hookMonitor,
        ...(nextPlugins ? { plugins: nextPlugins } : {}),
      }),
  });
  let failed = false;
  let nextChange: number | undefined;
  const report = (outcome: RebuildOutcome, initial: boolean): void => {
    if (!outcome.ok) {
      failed = true;
      logger.error(formatRebuildFailure(outcome.error, { color: options.color }));
      server?.notify({ type: 'build-error', errors: toOverlayErrors(outcome.error) });
      return;
    }
    const { result } = outcome;
    nextChange = result.validUntil;
    logger.info(initial ? formatBuildSummary(result) : formatRebuild(result));
    // Once, after the first build: an editor wondering why an embargoed story is missing learns of --future.
    const held = initial && result.held ? formatHeldBack(result.held) : undefined;
    if (held) logger.info(held);
    if (outcome.configChanged && outcome.config.outDir !== first.config.outDir && server)
      logger.warn('The output folder changed: restart newsgen serve to serve the new one.');
    if (failed || result.written.length > 0 || result.deleted.length > 0) server?.notify({ type: 'reload' });
    failed = false;
  };

  // A plugin's timer that throws is shown as a failed build is, and the preview goes on; once it has
  // stopped, only printed.
  let closed = false;
  reportPluginFaults(hookMonitor, (fault) =>
    closed
      ? logger.error(formatRebuildFailure(fault, { color: options.color }))
      : report({ ok: false, error: fault }, false),
  );
  try {
    logger.info('Building…');
    // Watched while it runs: a save made during the first build is built right after it, not lost.
    const initial = tracked(server, rebuilder.build()).then((outcome) => report(outcome, true));
    const clock = { next: () => (rebuilder.config().fixedNow ? undefined : nextChange) };
    await watchUntilStopped(options, { rebuilder, config, report, server, initial, clock });
  } finally {
    closed = true;
    await rebuilder.close();
  }
}

/** What {@link watchUntilStopped} watches with. */
interface WatchState {
  readonly rebuilder: Rebuilder;
  readonly config: ResolvedConfig;
  readonly report: (outcome: RebuildOutcome, initial: boolean) => void;
  readonly server: DevServer | undefined;
  /** The first build, reported once it ends: later builds wait for it. */
  readonly initial: Promise<void>;
  /** The next instant at which the site changes by itself, when the preview follows the wall clock. */
  readonly clock: { next(): number | undefined };
}

async function watchUntilStopped(options: LivePreviewOptions, state: WatchState): Promise<void> {
  const { logger } = options;
  const { rebuilder, report, server, initial } = state;
  const indexer = createSearchIndexer({
    index: () => rebuilder.index().then((outcome) => reportIndex(outcome, state, logger)),
  });
  const watcher = watchSite({
    dirs: toWatchDirs(state.config),
    onChanges: async (changes) => {
      await initial;
      await indexer.hold();
      const outcome = await tracked(server, rebuilder.build(changes));
      report(outcome, false);
      if (outcome.ok && outcome.config.search) indexer.later();
      if (outcome.ok && outcome.configChanged) watcher.setDirs(toWatchDirs(outcome.config));
      alarm.set(state.clock.next());
    },
    onError: (error) => logger.error(formatRebuildFailure(error, { color: options.color })),
  });
  // A scheduled article (or an expiry) shows when its time comes, not at the next save.
  const alarm = createAlarm(() => watcher.rebuild());
  void initial.then(() => alarm.set(state.clock.next()));
  try {
    const started = Promise.all([watcher.ready, initial]).then(() => true);
    // Ctrl-C during the first build stops there, without announcing a preview that is going away.
    if (await Promise.race([started, options.stopped.then(() => false)])) {
      if (server) options.announce(`Serving ${server.url}${describePortMove(options.serve?.port, server.port)}`);
      logger.info('Watching for changes (Ctrl-C to stop)');
      await options.stopped;
    }
  } finally {
    alarm.clear();
    await watcher.close();
    await indexer.hold();
    // A build stopped by Ctrl-C still ends, writing all of the output or none of it.
    await initial;
  }
}

/** Tells of the deferred search index's build at debug level; a failure is reported as a rebuild's is. */
function reportIndex(outcome: RebuildOutcome, state: WatchState, logger: Logger): void {
  if (outcome.ok) logger.debug(`Search index brought up to date in ${formatDuration(outcome.result.durationMs)}`);
  else state.report(outcome, false);
}

/**
 * ` (port 4000 is busy)` when the server moved on from the port asked for:
 * a tab left open on the busy port (another site's preview) shows
 * something else, and only the port in the printed URL told.
 */
function describePortMove(asked: number | undefined, port: number): string {
  return asked === undefined || asked === 0 || asked === port ? '' : ` (port ${asked} is busy)`;
}

/** A build the server knows about while it writes, so requests meanwhile wait for it rather than miss. */
function tracked<T>(server: DevServer | undefined, build: Promise<T>): Promise<T> {
  server?.trackBuild(build);
  return build;
}

/** The folders and file a session's config reads. */
export function toWatchDirs(config: ResolvedConfig): WatchDirs {
  return {
    content: config.contentDir,
    templates: config.templatesDir,
    static: config.staticDir,
    data: config.dataDir,
    config: config.configFile,
    out: config.outDir,
  };
}
