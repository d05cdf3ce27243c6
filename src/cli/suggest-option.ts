import type { Command, CommanderError } from 'commander';

/**
 * The option a mistyped one most likely meant, for the unknown options
 * commander's own suggestion misses: it allows three edits, so the names
 * other tools give the same setting (`--out-dir`, `--outDir`, `--base`,
 * `--baseUrl`) got no suggestion. One of `known` matches when, with dashes
 * dropped and letters lowered, either name starts with the other; only a
 * single match is suggested. Undefined when commander suggested one already.
 */
export function suggestUnknownOption(
  error: CommanderError,
  program: Command,
  argv: readonly string[],
): string | undefined {
  if (error.code !== 'commander.unknownOption' || error.message.includes('Did you mean')) return undefined;
  const flag = /unknown option '([^']+)'/.exec(error.message)?.[1]?.split('=')[0];
  const name = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const command = program.commands.find((candidate) => candidate.name() === name);
  if (flag === undefined || command === undefined) return undefined;
  const known = command.options.filter((option) => !option.hidden).flatMap((option) => option.long ?? []);
  return suggestOption(flag, known);
}

/** The one name of `known` that `flag` starts with or that starts with `flag`, ignoring dashes and case. */
export function suggestOption(flag: string, known: readonly string[]): string | undefined {
  const typed = normalize(flag);
  const matches = known.filter((option) => {
    const candidate = normalize(option);
    const shorter = Math.min(typed.length, candidate.length);
    return shorter >= 3 && (typed.startsWith(candidate) || candidate.startsWith(typed));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function normalize(flag: string): string {
  return flag.replaceAll('-', '').toLowerCase();
}
