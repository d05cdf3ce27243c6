import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';

/** One stage's share of a run, for `--json` reports. */
export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

/**
 * The one JSON document `newsgen build --json` and `newsgen check --json`
 * print on stdout. Its shape is versioned by `reportVersion`; fields are
 * only ever added within a version.
 */
export interface BuildReport {
  readonly reportVersion: 1;
  readonly newsgen: string;
  readonly command: 'build' | 'check';
  /** True when the command succeeded (exit code 0). */
  readonly ok: boolean;
  readonly exitCode: number;
  /** Published articles and pages of the site; absent when the run stopped before the model. */
  readonly articles?: number;
  readonly pages?: number;
  /** The change manifest: output paths (relative to the output folder) written and deleted; empty for `check`. */
  readonly files: { readonly written: readonly string[]; readonly deleted: readonly string[] };
  readonly upToDate: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly ReportDiagnostic[];
  readonly timings: readonly StageTiming[];
  readonly durationMs: number;
}

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
  readonly command: 'build' | 'check';
  readonly exitCode: number;
  readonly articles?: number | undefined;
  readonly pages?: number | undefined;
  readonly written?: readonly string[];
  readonly deleted?: readonly string[];
  readonly upToDate?: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings?: readonly StageTiming[];
  readonly durationMs: number;
}

/** The report of one run, diagnostics in their total order and file lists sorted, so equal runs give equal reports. */
export function createBuildReport(input: ReportInput): BuildReport {
  const diagnostics = [...input.diagnostics].sort(compareDiagnostics).map(toReportDiagnostic);
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
    upToDate: input.upToDate ?? false,
    errors,
    warnings: diagnostics.length - errors,
    diagnostics,
    timings: input.timings ?? [],
    durationMs: Math.round(input.durationMs),
  };
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
