import { Command, CommanderError } from 'commander';
import { EXIT_USAGE } from '../diagnostics/newsgen-error.js';
import { VERSION } from '../pipeline/version.js';
import { registerBuildCommand } from './build-command.js';
import type { CliIo } from './build-options.js';
import { registerCheckCommand } from './check-command.js';
import { formatHelpFooter } from './help-text.js';
import { registerImportCommand } from './import-command.js';
import { registerInitCommand } from './init-command.js';
import { registerNewCommand } from './new-command.js';
import { reportFailure } from './report-failure.js';
import { writeReport } from './report-output.js';
import { registerServeCommands } from './serve-command.js';
import { suggestUnknownOption } from './suggest-option.js';

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
    const exitCode = reportFailure(error, io);
    if (error instanceof CommanderError && exitCode === EXIT_USAGE) {
      const suggestion = suggestUnknownOption(error, program, argv);
      if (suggestion !== undefined) io.stderr.write(`(Did you mean ${suggestion}?)\n`);
      reportUsageAsJson(error, argv, io, suggestion);
    }
    return exitCode;
  }
}

/**
 * A usage error of `build --json`, `check --json` or `import … --json` as the report CI reads
 * from stdout: commander refuses an unknown option before the command runs,
 * which printed only to stderr and left a `jq` step with no input.
 */
function reportUsageAsJson(error: CommanderError, argv: readonly string[], io: CliIo, suggestion?: string): void {
  const args = argv.slice(2);
  const command = args.find((arg) => !arg.startsWith('-'));
  if ((command !== 'build' && command !== 'check' && command !== 'import') || !args.includes('--json')) return;
  const reason = `${error.message.replace(/^error: /, '')}${suggestion === undefined ? '' : `\n(Did you mean ${suggestion}?)`}`;
  writeReport(
    io,
    { json: true },
    {
      version: VERSION,
      command,
      exitCode: EXIT_USAGE,
      diagnostics: [{ file: '.', severity: 'error', reason, ruleId: 'usage' }],
      durationMs: 0,
    },
  );
}

function createProgram(io: CliIo): Command {
  const program = new Command('newsgen')
    .description('Build news sites from Markdown articles.')
    .addHelpText(
      'after',
      formatHelpFooter(
        [
          ['newsgen init warta && cd warta && npm install', 'start a new site'],
          ['newsgen serve', 'preview with live reload'],
          ['newsgen build', 'build the site into dist/'],
          ['newsgen <command> --help', 'options, examples and exit codes of a command'],
        ],
        [
          ['0', 'success'],
          ['1', 'content, template or config errors'],
          ['2', 'usage error (a missing or unknown command, an unknown option) or an unsafe argument'],
        ],
      ),
    )
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showSuggestionAfterError(true);
  registerInitCommand(program, io);
  registerNewCommand(program, io);
  registerBuildCommand(program, io);
  registerCheckCommand(program, io);
  registerServeCommands(program, io);
  registerImportCommand(program, io);
  return program;
}

function defaultIo(): CliIo {
  // A reader that stops early (`newsgen build --help | head -3`) closes the pipe: the rest of the
  // output goes nowhere, as with any Unix tool, instead of ending the process with a stack trace.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreClosedPipe);
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    now: () => new Date(),
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}
