import { CommanderError } from 'commander';
import { formatFailure } from '../diagnostics/format-diagnostics.js';
import { EXIT_USAGE, isNewsgenError, type NewsgenError } from '../diagnostics/newsgen-error.js';
import { type CliIo, useColor } from './build-options.js';

/**
 * Prints why a command failed and returns its exit code: a NewsgenError as
 * clean lines with its diagnostics, anything else as a bug, with its stack.
 */
export function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help that was asked for is a success; help shown in place of a command (`newsgen` alone, or
    // `newsgen help biuld`) is commander's way of refusing, with its own exit code 1: a usage error,
    // or `npx newsgen $COMMAND` with an empty variable would pass a CI step that ran nothing.
    if (error.code === 'commander.help' && error.exitCode !== 0) return EXIT_USAGE;
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
    io.stderr.write(`${formatFailure(failure, { color })}\n`);
    return failure.exitCode;
  }
  io.stderr.write(
    `newsgen crashed; this is a bug, please report it with the output below.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}
