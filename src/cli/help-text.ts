/**
 * The end of a command's `--help`: examples, then exit codes, aligned in
 * columns. Every command documents both, so scripts and CI know what a
 * status means without reading the source.
 */
export function formatHelpFooter(
  examples: readonly (readonly [command: string, meaning: string])[],
  exitCodes: readonly (readonly [code: string, meaning: string])[],
): string {
  const exampleLines = examples.flatMap(([command, meaning]) => [`  $ ${command}`, `      ${meaning}`]);
  const codeLines = exitCodes.map(([code, meaning]) => `  ${code}  ${meaning}`);
  return `\nExamples:\n${exampleLines.join('\n')}\n\nExit codes:\n${codeLines.join('\n')}\n`;
}
