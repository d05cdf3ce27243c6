import { Command, CommanderError } from 'commander';
import { formatDiagnostics, formatError } from '../diagnostics/format-diagnostics.js';
import { EXIT_USAGE, isNewsgenError, type NewsgenError } from '../diagnostics/newsgen-error.js';
import { build } from '../pipeline/build.js';
import { VERSION } from '../pipeline/version.js';
import {
  addBuildOptions,
  type BuildFlags,
  type CliIo,
  createCliLogger,
  loadResolvedConfig,
  useColor,
} from './build-options.js';
import { registerServeCommands } from './serve-command.js';

export type { CliIo } from './build-options.js';

/**
 * Runs the newsgen CLI and resolves to the exit code: 0 built, 1 content,
 * template or config errors, 2 usage errors and unsafe arguments. This is
 * the only place that catches every error; bugs are printed with a stack.
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function createProgram(io: CliIo): Command {
  const program = new Command('newsgen')
    .description('Build news sites from Markdown articles.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showSuggestionAfterError(true);
  addBuildOptions(program.command('build').description('build the site into the output folder')).action(
    async (flags: BuildFlags) => {
      const logger = createCliLogger(flags, io);
      const config = await loadResolvedConfig(flags, io, logger);
      await build(config, {
        logger,
        ...(flags.cache === false ? { cache: false as const } : {}),
        ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
      });
    },
  );
  registerServeCommands(program, io);
  return program;
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return 0;
    return EXIT_USAGE;
  }
  const color = useColor(io);
  if (isNewsgenError(error)) {
    const failure = error as NewsgenError;
    io.stderr.write(
      failure.diagnostics.length > 0
        ? `${formatDiagnostics(failure.diagnostics, { color })}\n${formatError(failure, { color })}\n`
        : `${formatError(failure, { color })}\n`,
    );
    return failure.exitCode;
  }
  io.stderr.write(
    `newsgen crashed; this is a bug, please report it with the output below.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}

function defaultIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
  };
}
