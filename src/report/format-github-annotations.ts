import path from 'node:path';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { showControls } from '../diagnostics/show-controls.js';

/**
 * Diagnostics as GitHub Actions workflow commands
 * (`::error file=…,line=…,col=…,title=rule-id::message`), one per line, so
 * each shows on the pull request's diff at its line. Values are escaped as
 * the runner expects: `%`, CR and LF everywhere, and `:` and `,` inside
 * properties. `base` is the site's folder within the repository (`site`,
 * for a site that is not at the repository's root): GitHub places an
 * annotation by its path from there. What a plugin gives (a page of its
 * `pages` hook, `plugin "pilkada" /pilkada/bali/`, or a theme file of its
 * own) is no file of the repository: it is annotated without one, the
 * message starting with its name and place, so GitHub shows it on the run.
 */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[], base = ''): string {
  return sortDiagnostics(diagnostics)
    .map((diagnostic) => {
      const { file, place } = diagnostic;
      const inRepository = !file.startsWith('plugin "');
      const properties = [
        ...(inRepository ? [`file=${escapeProperty(placeIn(base, file))}`] : []),
        ...(inRepository && place ? [`line=${place.line}`, `col=${place.column}`] : []),
        `title=${escapeProperty(diagnostic.ruleId)}`,
      ];
      const shown = inRepository ? '' : `${file}${place ? `:${place.line}:${place.column}` : ''}: `;
      // An escape sequence quoted from content would drive the log viewer; line breaks are escaped below.
      const message = showControls(
        `${shown}${diagnostic.hint ? `${diagnostic.reason}\n${diagnostic.hint}` : diagnostic.reason}`,
        true,
      );
      return `::${diagnostic.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}

function placeIn(base: string, file: string): string {
  return base === '' || path.isAbsolute(file) ? file : path.posix.join(base, file);
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
