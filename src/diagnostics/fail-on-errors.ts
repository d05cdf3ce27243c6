import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { NewsgenError } from './newsgen-error.js';

/** Throws one NewsgenError carrying every error diagnostic, sorted; warnings pass. */
export function failOnErrors(diagnostics: readonly Diagnostic[], stage: string): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const files = new Set(errors.map((d) => d.file)).size;
  throw new NewsgenError(
    `Build failed: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'} (${stage})`,
    {
      code: 'build-failed',
      diagnostics: [...errors].sort(compareDiagnostics),
    },
  );
}
