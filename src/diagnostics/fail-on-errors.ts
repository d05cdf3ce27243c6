import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { NewsgenError } from './newsgen-error.js';

/** Throws one NewsgenError carrying every error diagnostic, with the warnings of the files that have errors, sorted; warnings alone pass. */
export function failOnErrors(diagnostics: readonly Diagnostic[], stage: string): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const failedFiles = new Set(errors.map((d) => d.file));
  const files = failedFiles.size;
  // A broken file's warnings stay with its errors: `titel:` explains a missing title. Other files' wait
  // for a build that gets as far as printing warnings.
  const shown = diagnostics.filter((d) => d.severity === 'error' || failedFiles.has(d.file));
  throw new NewsgenError(
    `Build failed: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'} (${stage})`,
    {
      code: 'build-failed',
      diagnostics: shown.sort(compareDiagnostics),
    },
  );
}
