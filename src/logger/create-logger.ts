/** How much the logger lets through, from nothing to everything. */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/** The logger every stage receives; it writes one line per call. */
export interface Logger {
  /** Details for `--verbose`: per-stage timings, counts, paths. */
  debug(message: string): void;
  /** What a normal build reports: the summary line. */
  info(message: string): void;
  /** Something the user should look at that does not fail the build. */
  warn(message: string): void;
  /** Why the build failed; still shown with `--quiet`. */
  error(message: string): void;
  /**
   * Whether messages of `level` are written at all, so a caller can skip
   * making a long one nobody reads (100,000 formatted warnings under
   * `--quiet`). A logger without it is given every message.
   */
  shows?(level: Exclude<LogLevel, 'silent'>): boolean;
}

/** What {@link createLogger} needs. */
export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where lines go (anything with `write`, such as a Node stream). @default process.stderr */
  readonly stream?: { write(text: string): unknown };
}

const RANK: Readonly<Record<LogLevel, number>> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/**
 * A logger writing to stderr (stdout stays free for data), dropping messages below
 * `level`. Each message is written as it is, followed by a newline.
 */
export function createLogger(options: LoggerOptions): Logger {
  const stream = options.stream ?? process.stderr;
  const limit = RANK[options.level];
  const write = (level: Exclude<LogLevel, 'silent'>, message: string): void => {
    if (RANK[level] <= limit) stream.write(`${message}\n`);
  };
  return {
    debug: (message) => write('debug', message),
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
    shows: (level) => RANK[level] <= limit,
  };
}

/**
 * The level for the CLI flags: `--quiet` → `error`, `--verbose` → `debug`, otherwise
 * `info`. When both are given, `--quiet` wins, so scripts that ask for silence get it.
 */
export function resolveLogLevel(flags: {
  readonly quiet?: boolean | undefined;
  readonly verbose?: boolean | undefined;
}): LogLevel {
  if (flags.quiet) return 'error';
  if (flags.verbose) return 'debug';
  return 'info';
}
