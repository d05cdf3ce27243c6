import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';

/** One stage's share of a run, for `--json` reports. */
export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

/**
 * The one JSON document `newsgen build --json`, `newsgen check --json` and
 * `newsgen import wordpress --json` print on stdout. Its shape is versioned by `reportVersion`; fields are
 * only ever added within a version.
 */
export interface BuildReport {
  readonly reportVersion: 1;
  readonly newsgen: string;
  readonly command: ReportCommand;
  /** True when the command succeeded (exit code 0). */
  readonly ok: boolean;
  readonly exitCode: number;
  /** Published articles and pages of the site; absent when the run stopped before the model. */
  readonly articles?: number;
  readonly pages?: number;
  /**
   * The change manifest: output paths (relative to the output folder) written and deleted; empty for
   * `check`. For `import`, the content files written, from the working folder (`content/ekonomi/x.md`).
   */
  readonly files: { readonly written: readonly string[]; readonly deleted: readonly string[] };
  /** `import` only: the export's items left out, counted by kind (`attachment`, `revision`, `trash`…). */
  readonly skipped?: Readonly<Record<string, number>>;
  /** `import` only: what is left to do by hand, one sentence each (old addresses no alias answers, images to copy). */
  readonly notes?: readonly string[];
  readonly upToDate: boolean;
  /**
   * `build` and `check`: what the site leaves out for now, scheduled articles (`next`: the soonest one's
   * date, as the site's zone writes it) and drafts; absent when unknown (a run that stopped early).
   */
  readonly held?: { readonly scheduled: number; readonly next?: string; readonly drafts: number };
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly ReportDiagnostic[];
  readonly timings: readonly StageTiming[];
  readonly durationMs: number;
}

/** The commands that print a report. */
export type ReportCommand = 'build' | 'check' | 'import';

/** A diagnostic in a report: flat, with `line`/`column` only when known. */
export interface ReportDiagnostic {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly ruleId: string;
  readonly hint?: string;
}

/** What a run knows at its end, for {@link createBuildReport}. */
export interface ReportInput {
  readonly version: string;
  readonly command: ReportCommand;
  readonly exitCode: number;
  readonly articles?: number | undefined;
  readonly pages?: number | undefined;
  readonly written?: readonly string[];
  readonly deleted?: readonly string[];
  readonly upToDate?: boolean;
  readonly skipped?: Readonly<Record<string, number>>;
  readonly notes?: readonly string[];
  /** The build's `held` counts (the site model's `HeldBack`). */
  readonly held?:
    | { readonly scheduled: number; readonly next: string | undefined; readonly drafts: number }
    | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings?: readonly StageTiming[];
  readonly durationMs: number;
}

/** The report of one run, diagnostics in their total order and file lists sorted, so equal runs give equal reports. */
export function createBuildReport(input: ReportInput): BuildReport {
  const diagnostics = sortDiagnostics(input.diagnostics).map(toReportDiagnostic);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return {
    reportVersion: 1,
    newsgen: input.version,
    command: input.command,
    ok: input.exitCode === 0,
    exitCode: input.exitCode,
    ...(input.articles === undefined ? {} : { articles: input.articles }),
    ...(input.pages === undefined ? {} : { pages: input.pages }),
    files: { written: [...(input.written ?? [])].sort(), deleted: [...(input.deleted ?? [])].sort() },
    ...(input.skipped === undefined ? {} : { skipped: sortKeys(input.skipped) }),
    ...(input.notes === undefined ? {} : { notes: input.notes }),
    upToDate: input.upToDate ?? false,
    ...(input.held === undefined ? {} : { held: reportHeld(input.held) }),
    errors,
    warnings: diagnostics.length - errors,
    diagnostics,
    timings: input.timings ?? [],
    durationMs: Math.round(input.durationMs),
  };
}

function reportHeld({ scheduled, next, drafts }: NonNullable<ReportInput['held']>): NonNullable<BuildReport['held']> {
  return next === undefined ? { scheduled, drafts } : { scheduled, next, drafts };
}

function sortKeys(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function toReportDiagnostic(diagnostic: Diagnostic): ReportDiagnostic {
  return {
    file: diagnostic.file,
    ...(diagnostic.place ? { line: diagnostic.place.line, column: diagnostic.place.column } : {}),
    severity: diagnostic.severity,
    message: diagnostic.reason,
    ruleId: diagnostic.ruleId,
    ...(diagnostic.hint ? { hint: diagnostic.hint } : {}),
  };
}
