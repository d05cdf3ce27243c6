import { type Command, InvalidArgumentError, Option } from 'commander';
import type { LoadedConfig } from '../config/load-config.js';
import type { Logger } from '../logger/create-logger.js';
import { CODE_VERSION } from '../pipeline/version.js';
import type { LivePreviewOptions } from '../watch/run-live-preview.js';
import {
  addBuildOptions,
  type BuildFlags,
  type CliIo,
  createCliLogger,
  loadResolvedSite,
  refuseOptionLike,
  useColor,
} from './build-options.js';
import { formatHelpFooter } from './help-text.js';

/** Flags of `newsgen serve` on top of the build flags. */
interface ServeFlags extends BuildFlags {
  port?: number;
  host?: string;
}

/** Exit codes of the commands that run until stopped. */
const STOP_EXIT_CODES: readonly (readonly [string, string])[] = [
  ['0', 'stopped with Ctrl-C (SIGINT) or SIGTERM; build errors while running are printed, not fatal'],
  ['1', 'the config is invalid at start-up'],
  ['2', 'usage error, an unsafe argument, or a port that cannot be listened on'],
];

/** The port `newsgen serve` tries first. */
export const DEFAULT_PORT = 4000;

/**
 * Registers `newsgen watch` (build, then rebuild on every change) and
 * `newsgen serve` (the same, plus a local server with live reload) on the
 * CLI program. Both run until SIGINT or SIGTERM, then close everything and
 * exit 0.
 */
export function registerServeCommands(program: Command, io: CliIo): void {
  addBuildOptions(
    program
      .command('watch')
      .description('build, then rebuild on every change to content, templates, static files or the config'),
  )
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen watch', 'build, then rebuild on every save until Ctrl-C'],
          ['newsgen watch --drafts --out preview', 'include drafts, into another folder'],
        ],
        STOP_EXIT_CODES,
      ),
    )
    .action((flags: BuildFlags) => runCommand(flags, io, undefined));
  addBuildOptions(
    program
      .command('serve')
      .description('watch, and serve the output folder with live reload (drafts and scheduled articles shown)'),
  )
    .option('--no-drafts', 'hide drafts (serve shows them by default)')
    .option('--no-future', 'hide articles dated in the future (serve shows them by default, marked scheduled)')
    .addOption(
      new Option('--port <n>', 'port to listen on; a busy port moves to the next free one, 0 picks any')
        .default(DEFAULT_PORT)
        .argParser(parsePort),
    )
    .option(
      '--host <host>',
      'address to listen on; anything but loopback exposes the preview',
      refuseOptionLike,
      '127.0.0.1',
    )
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen serve', 'preview at http://127.0.0.1:4000/ with live reload, drafts and scheduled articles shown'],
          ['newsgen serve --port 0 --no-drafts --no-future', 'any free port, the site as a build publishes it now'],
        ],
        STOP_EXIT_CODES,
      ),
    )
    .action((flags: ServeFlags) =>
      runCommand({ ...flags, drafts: flags.drafts ?? true, future: flags.future ?? true, preview: true }, io, {
        host: flags.host ?? '127.0.0.1',
        port: flags.port ?? DEFAULT_PORT,
      }),
    );
}

async function runCommand(
  flags: BuildFlags,
  io: CliIo,
  serve: { host: string; port: number } | undefined,
): Promise<void> {
  const logger = createCliLogger(flags, io);
  // Loaded here, not at start-up: `newsgen build` has no use for the watcher and the server.
  const { runLivePreview } = await import('../watch/run-live-preview.js');
  const { stopped, release } = waitForStopSignal();
  try {
    await runLivePreview({
      logger,
      color: useColor(io),
      resolveConfig: createSiteResolver(flags, io, logger),
      version: CODE_VERSION,
      concurrency: flags.concurrency ?? 'auto',
      ...(serve ? { serve } : {}),
      stopped,
      announce: (line) => io.stderr.write(`${line}\n`),
    });
  } finally {
    release();
  }
}

/**
 * Resolves the site for the live preview: reading the config file (at the
 * start, and after each edit of it), or resolving the one read last again
 * with serve's own `baseUrl`, so a config file that is code runs once for
 * each (it ran again for the `baseUrl`, and its plugins' side effects with it).
 */
function createSiteResolver(flags: BuildFlags, io: CliIo, logger: Logger): LivePreviewOptions['resolveConfig'] {
  let last: LoadedConfig | undefined;
  return async (baseUrl, reread) => {
    const resolved = await loadResolvedSite(
      baseUrl === undefined ? flags : { ...flags, baseUrl },
      io,
      logger,
      undefined,
      {
        checkInputs: 'all',
        ...(reread || last === undefined ? {} : { loaded: last }),
      },
    );
    last = resolved.loaded;
    return resolved;
  };
}

/** A promise settled by the first SIGINT or SIGTERM, and a function removing the listeners. */
function waitForStopSignal(): { stopped: Promise<void>; release: () => void } {
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const onSignal = (): void => stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    stopped,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** A port in decimal digits: `Number` alone would take `''` as 0 and `0x10` as 16. */
export function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}
