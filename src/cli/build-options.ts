import type { Readable, Writable } from 'node:stream';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { checkInputFolders } from '../config/check-input-folders.js';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { type InlineConfig, type ResolvedConfigResult, resolveConfig } from '../config/resolve-config.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import { createLogger, type Logger, resolveLogLevel } from '../logger/create-logger.js';

/** The process surroundings the CLI uses; injected so tests can run it in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  /** Where `init` reads answers from; questions are asked only when it and stdout are terminals. */
  readonly stdin?: Readable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
  /**
   * Sets the exit code of the process after `main` returned, for a failure
   * that comes later (a plugin's timer that throws once the build is done).
   * Only a real process has one.
   */
  readonly setExitCode?: (code: number) => void;
}

/** Flags shared by every command that builds. */
export interface BuildFlags {
  config?: string;
  content?: string;
  templates?: string;
  static?: string;
  out?: string;
  forceOut?: boolean;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  /** Set by `serve` (no flag): see `ResolvedConfig.preview`. */
  preview?: boolean;
  now?: string;
  quiet?: boolean;
  verbose?: boolean;
  cache?: boolean;
  concurrency?: number;
  /** Every warning is an error (`build --strict`; `check` has its own flag). */
  strict?: boolean;
}

/** Adds the options every building command takes. */
export function addBuildOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'config file (default: newsgen.config.{json,yaml,yml,js,mjs,ts})', refuseOptionLike)
    .option('--content <dir>', 'content folder (default: content)', refuseOptionLike)
    .option('--templates <dir>', 'template overrides folder (default: templates, when present)', refuseOptionLike)
    .option('--static <dir>', 'static files copied as is (default: static)', refuseOptionLike)
    .option('-o, --out <dir>', 'output folder (default: dist)', refuseOptionLike)
    .option('--force-out', 'replace the output folder even when newsgen did not write it (deletes what it holds)')
    .option('--base-url <url>', 'absolute URL the site is published at', refuseOptionLike)
    .option('--drafts', 'include drafts')
    .option('--future', 'include articles dated in the future')
    .option('--now <instant>', 'build as of this ISO 8601 instant', refuseOptionLike)
    .option('--no-cache', 'ignore and do not update the build cache (node_modules/.cache/newsgen)')
    .addOption(
      new Option(
        '--concurrency <n>',
        'threads for Markdown and pages, the main thread included; 0 or 1: the main thread only ' +
          '(default: one per core once 400 files need processing; pages on workers from 400 pages)',
      ).argParser(parseConcurrency),
    )
    .addOption(new Option('--quiet', 'print errors only').conflicts('verbose'))
    .option('--verbose', 'print stage timings and details');
}

/** Creates the stderr logger the flags ask for. */
export function createCliLogger(flags: BuildFlags, io: CliIo): Logger {
  return createLogger({ level: resolveLogLevel(flags), stream: io.stderr });
}

/**
 * Loads the config file, merges the flags and prints config warnings (also
 * handing them to `collected`, for reports). With `checkInputs` (`all` for
 * the commands that build, `site` for `new`), folders it reads that are
 * missing or files are refused too (see `checkInputFolders`).
 */
export async function loadResolvedConfig(
  flags: BuildFlags,
  io: CliIo,
  logger: Logger,
  collected?: Diagnostic[],
  options: { readonly checkInputs?: 'all' | 'site' } = {},
): Promise<ResolvedConfig> {
  return (await loadResolvedSite(flags, io, logger, collected, options)).config;
}

/**
 * The config of the site a content command (`new`, `import`) writes into:
 * only in a site (a config file, or a content folder). Run elsewhere (in
 * content/ekonomi, or a new terminal's home folder), it would write files
 * where no build ever reads them. Config warnings are printed, and handed
 * to `collected` too (for a JSON report).
 */
export function loadSiteConfig(
  flags: Pick<BuildFlags, 'config' | 'content'>,
  io: CliIo,
  collected?: Diagnostic[],
): Promise<ResolvedConfig> {
  const { config, content } = flags;
  return loadResolvedConfig(
    { ...(config === undefined ? {} : { config }), ...(content === undefined ? {} : { content }) },
    io,
    createCliLogger({}, io),
    collected,
    { checkInputs: 'site' },
  );
}

/**
 * {@link loadResolvedConfig}, with the plugins' code the config file gave:
 * a build handed them does not run the config file again. Given `loaded`
 * (the file as read before, for `serve`'s own `baseUrl`), the config file
 * is not read or run again, nor its warnings printed twice.
 */
export async function loadResolvedSite(
  flags: BuildFlags,
  io: CliIo,
  logger: Logger,
  collected?: Diagnostic[],
  options: { readonly checkInputs?: 'all' | 'site'; readonly loaded?: LoadedConfig } = {},
): Promise<ResolvedConfigResult & { readonly loaded: LoadedConfig }> {
  const loaded = options.loaded ?? (await loadConfig(io.cwd, flags.config));
  const inline: InlineConfig = {
    content: flags.content,
    templates: flags.templates,
    static: flags.static,
    out: flags.out,
    forceOut: flags.forceOut,
    baseUrl: flags.baseUrl,
    drafts: flags.drafts,
    future: flags.future,
    preview: flags.preview,
    now: flags.now,
    strict: flags.strict,
  };
  const resolved = await resolveConfig(io.cwd, loaded, inline, io.now());
  const { warnings } = resolved;
  if (options.checkInputs) checkInputFolders(io.cwd, loaded, inline, options.checkInputs);
  if (warnings.length > 0 && !options.loaded) logger.warn(formatDiagnostics(warnings, { color: useColor(io) }));
  collected?.push(...warnings);
  return { ...resolved, loaded };
}

/**
 * An option's value, refused when it is an option itself: commander takes
 * the next word as the value whatever it is, so `--out $OUT_DIR --json`
 * with an empty variable built into a folder named `--json`, exit 0, with
 * no report. A folder whose name starts with `--` can be given as `./--x`.
 */
export function refuseOptionLike(value: string): string {
  if (/^--[a-z]/i.test(value)) throw new InvalidArgumentError(`expected a value, not the option ${value}`);
  return value;
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected a whole number from 0 to 64');
  return n;
}

/**
 * Whether stderr gets colours: `FORCE_COLOR` decides when set (`0` or
 * `false`: never; anything else: always, as in Node and chalk, for CI logs
 * that render colours), else a terminal without `NO_COLOR` (set and not
 * empty, as no-color.org defines it) and without `CI`.
 */
export function useColor(io: CliIo): boolean {
  const forced = io.env['FORCE_COLOR'];
  if (forced !== undefined) return forced !== '0' && forced !== 'false';
  return Boolean(io.stderr.isTTY) && !io.env['NO_COLOR'] && io.env['CI'] === undefined;
}
