import { compareDiagnostics, type Diagnostic, type Place } from './diagnostic.js';
import type { NewsgenError } from './newsgen-error.js';

/** How the printer should render. */
export interface FormatOptions {
  /** Use ANSI colours (a TTY without `NO_COLOR`). */
  readonly color: boolean;
}

type Style = 'red' | 'yellow' | 'dim' | 'bold';

// Open and close codes; closing only what was opened keeps nested styles intact.
const ANSI: Readonly<Record<Style, readonly [number, number]>> = {
  red: [31, 39],
  yellow: [33, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/**
 * Renders diagnostics for the terminal, in the total order of `compareDiagnostics`:
 * one `path:line:column  severity  reason  rule-id` line each, an indented hint and
 * "first defined at" line when present, and a closing count such as `✖ 3 errors, 1 warning`.
 * Columns are aligned. Returns an empty string for no diagnostics.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  if (diagnostics.length === 0) return '';
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const locations = sorted.map((d) => formatLocation(d.file, d.place));
  // A loop, not Math.max(...): a site with a hundred thousand warnings would overflow the call stack.
  let width = 0;
  for (const location of locations) width = Math.max(width, location.length);
  const severityWidth = sorted.some((d) => d.severity === 'warning') ? 'warning'.length : 'error'.length;
  const blocks = sorted.map((diagnostic, index) =>
    formatBlock(diagnostic, (locations[index] ?? '').padEnd(width), severityWidth, options),
  );
  return `${blocks.join('\n')}\n\n${formatSummary(sorted, options)}`;
}

function formatBlock(diagnostic: Diagnostic, location: string, severityWidth: number, options: FormatOptions): string {
  const padding = ' '.repeat(severityWidth - diagnostic.severity.length);
  const severity = paint(diagnostic.severity, severityStyle(diagnostic.severity), options) + padding;
  const lines = [`${location}  ${severity}  ${diagnostic.reason}  ${paint(diagnostic.ruleId, 'dim', options)}`];
  if (diagnostic.hint) lines.push(`  ${paint('hint:', 'dim', options)} ${diagnostic.hint}`);
  if (diagnostic.cause) {
    lines.push(
      `  ${paint('first defined at', 'dim', options)} ${formatLocation(diagnostic.cause.file, diagnostic.cause.place)}`,
    );
  }
  return lines.join('\n');
}

/** `✖ 3 errors, 1 warning`, or `⚠ 2 warnings` when nothing is an error. */
function formatSummary(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [];
  if (errors > 0) parts.push(plural(errors, 'error'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  const mark = errors > 0 ? paint('✖', 'red', options) : paint('⚠', 'yellow', options);
  return `${mark} ${parts.join(', ')}`;
}

/**
 * Renders an operational error as `file:line:column  error  message  code` (the location
 * only when known), then its hint and the message of its cause. The diagnostics the error
 * carries are not included: print them with {@link formatDiagnostics}.
 */
export function formatError(error: NewsgenError, options: FormatOptions): string {
  const location = error.file === undefined ? '' : `${formatLocation(error.file, error.place)}  `;
  const lines = [
    `${location}${paint('error', 'red', options)}  ${error.message}  ${paint(error.code, 'dim', options)}`,
  ];
  if (error.hint) lines.push(`  ${paint('hint:', 'dim', options)} ${error.hint}`);
  const cause = describeCause(error.cause);
  if (cause !== undefined && !error.message.includes(cause)) {
    lines.push(`  ${paint('cause:', 'dim', options)} ${cause}`);
  }
  return lines.join('\n');
}

function describeCause(cause: unknown): string | undefined {
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : undefined;
}

function formatLocation(file: string, place: Place | undefined): string {
  return place ? `${file}:${place.line}:${place.column}` : file;
}

function severityStyle(severity: Diagnostic['severity']): Style {
  return severity === 'error' ? 'red' : 'yellow';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function paint(text: string, style: Style, options: FormatOptions): string {
  if (!options.color) return text;
  const [open, close] = ANSI[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
