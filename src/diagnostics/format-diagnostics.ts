import { type Diagnostic, type Place, sortDiagnostics } from './diagnostic.js';
import { displayWidth } from './display-width.js';
import type { NewsgenError } from './newsgen-error.js';
import { showControls } from './show-controls.js';

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

/** The widest location the others are padded to, in columns. */
const MAX_PADDED = 72;

/** From this many diagnostics on, the closing count also counts them by rule id. */
const TALLY_FROM = 20;

/**
 * Renders diagnostics for the terminal, in the total order of `compareDiagnostics`:
 * one `path:line:column  severity  reason  rule-id` line each, an indented hint and
 * "first defined at" line when present, and a closing count such as `✖ 3 errors, 1 warning`.
 * A hint is printed once, under the first diagnostic that has it: a thousand broken
 * links do not need the same advice a thousand times. Columns are aligned by the
 * columns a terminal gives each character (a CJK file name's take two), up to a
 * location of {@link MAX_PADDED} columns. Returns an empty string for no diagnostics.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  if (diagnostics.length === 0) return '';
  const sorted = sortDiagnostics(diagnostics);
  const locations = sorted.map((d) => formatLocation(d.file, d.place));
  const widths = locations.map(displayWidth);
  // A loop, not Math.max(...): a site with a hundred thousand warnings would overflow the call stack. One
  // very long path does not push every line's message off the screen: past MAX_PADDED it is not matched.
  let width = 0;
  for (const each of widths) if (each <= MAX_PADDED) width = Math.max(width, each);
  const severityWidth = sorted.some((d) => d.severity === 'warning') ? 'warning'.length : 'error'.length;
  const firstHint = createHintTracker();
  const blocks = sorted.map((diagnostic, index) => {
    const showHint = firstHint(diagnostic);
    const padding = ' '.repeat(Math.max(0, width - (widths[index] ?? 0)));
    return formatBlock(diagnostic, `${locations[index] ?? ''}${padding}`, severityWidth, showHint, options);
  });
  return `${blocks.join('\n')}\n\n${formatSummary(sorted, options)}`;
}

/**
 * True for the first diagnostic of each rule with each hint. Hints by rule, rather than one key
 * joining the two: building and hashing that key for each of 100,000 warnings (most without a
 * hint) was a third of the time their formatting took.
 */
function createHintTracker(): (diagnostic: Diagnostic) => boolean {
  const hinted = new Map<string, Set<string>>();
  return ({ ruleId, hint }) => {
    if (!hint) return false;
    let hints = hinted.get(ruleId);
    if (!hints) hinted.set(ruleId, (hints = new Set()));
    if (hints.has(hint)) return false;
    hints.add(hint);
    return true;
  };
}

function formatBlock(
  diagnostic: Diagnostic,
  location: string,
  severityWidth: number,
  showHint: boolean,
  options: FormatOptions,
): string {
  const padding = ' '.repeat(severityWidth - diagnostic.severity.length);
  const severity = paint(diagnostic.severity, severityStyle(diagnostic.severity), options) + padding;
  const reason = showControls(diagnostic.reason);
  const lines = [`${location}  ${severity}  ${reason}  ${paint(showControls(diagnostic.ruleId), 'dim', options)}`];
  if (diagnostic.hint && showHint) lines.push(`  ${paint('hint:', 'dim', options)} ${showControls(diagnostic.hint)}`);
  if (diagnostic.cause) {
    lines.push(
      `  ${paint('first defined at', 'dim', options)} ${formatLocation(diagnostic.cause.file, diagnostic.cause.place)}`,
    );
  }
  return lines.join('\n');
}

/**
 * `✖ 3 errors, 1 warning`, or `⚠ 2 warnings` when nothing is an error; from
 * {@link TALLY_FROM} diagnostics on, with the count of each rule id, most
 * first (`⚠ 7,000 warnings: 4,000 link-broken, 3,000 image-missing`), so the
 * end of a long log says what it holds.
 */
function formatSummary(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [];
  if (errors > 0) parts.push(plural(errors, 'error'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  const mark = errors > 0 ? paint('✖', 'red', options) : paint('⚠', 'yellow', options);
  const summary = `${mark} ${parts.join(', ')}`;
  return diagnostics.length < TALLY_FROM ? summary : `${summary}: ${formatTally(diagnostics)}`;
}

function formatTally(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const { ruleId } of diagnostics) counts.set(ruleId, (counts.get(ruleId) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([ruleId, count]) => `${formatCount(count)} ${ruleId}`)
    .join(', ');
}

/**
 * Renders an operational error as `file:line:column  error  message  code` (the location
 * only when known), then its hint and the message of its cause. The diagnostics the error
 * carries are not included: print them with {@link formatDiagnostics}.
 */
export function formatError(error: NewsgenError, options: FormatOptions): string {
  const location = error.file === undefined ? '' : `${formatLocation(error.file, error.place)}  `;
  const lines = [
    `${location}${paint('error', 'red', options)}  ${showControls(error.message)}  ${paint(error.code, 'dim', options)}`,
  ];
  if (error.hint) lines.push(`  ${paint('hint:', 'dim', options)} ${showControls(error.hint)}`);
  const cause = describeCause(error.cause);
  if (cause !== undefined && !error.message.includes(cause)) {
    lines.push(`  ${paint('cause:', 'dim', options)} ${showControls(cause)}`);
  }
  return lines.join('\n');
}

/**
 * A failed command for the terminal: the diagnostics the error carries, with their count, then the
 * error's own line, which says what failed (`Build failed: 2 errors in 1 file (content)`). An error
 * that only gathers its diagnostics, naming the file and place of one of them (`Invalid config file
 * newsgen.config.yaml` at the first syntax error), has no line of its own: it printed that problem
 * twice, once after the count that closes the list.
 */
export function formatFailure(error: NewsgenError, options: FormatOptions): string {
  if (error.diagnostics.length === 0) return formatError(error, options);
  const list = formatDiagnostics(error.diagnostics, options);
  return repeatsDiagnostic(error) ? list : `${list}\n${formatError(error, options)}`;
}

function repeatsDiagnostic(error: NewsgenError): boolean {
  const location = formatLocation(error.file ?? '', error.place);
  return (
    error.file !== undefined &&
    error.hint === undefined &&
    error.diagnostics.some((diagnostic) => formatLocation(diagnostic.file, diagnostic.place) === location)
  );
}

function describeCause(cause: unknown): string | undefined {
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : undefined;
}

function formatLocation(file: string, place: Place | undefined): string {
  return place ? `${showControls(file)}:${place.line}:${place.column}` : showControls(file);
}

function severityStyle(severity: Diagnostic['severity']): Style {
  return severity === 'error' ? 'red' : 'yellow';
}

/** `7,000`: grouped as the build's summary line groups its counts (the logger's own helper is a layer above). */
const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function paint(text: string, style: Style, options: FormatOptions): string {
  if (!options.color) return text;
  const [open, close] = ANSI[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
