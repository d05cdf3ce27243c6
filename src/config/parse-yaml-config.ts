import { LineCounter, parseDocument } from 'yaml';
import { createDiagnostic, type Place } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { explainYamlErrors } from '../text/explain-yaml-errors.js';
import type { LoadedConfig } from './loaded-config.js';

/** Parses a `.yaml`/`.yml` config with positions; syntax errors and repeated keys are positioned NewsgenErrors. */
export function parseYamlConfig(text: string, displayPath: string, file: string | undefined): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const toPlace = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const diagnostics = explainYamlErrors(doc.errors, text, 'config').map((problem) =>
      createDiagnostic({
        file: displayPath,
        place: toPlace(problem.offset),
        reason: problem.reason,
        ruleId: 'config-syntax',
        hint: problem.hint,
        cause:
          problem.causeOffset === undefined ? undefined : { file: displayPath, place: toPlace(problem.causeOffset) },
      }),
    );
    throw new NewsgenError(`Invalid config file ${displayPath}`, {
      code: 'config-syntax',
      file: displayPath,
      place: diagnostics[0]?.place,
      diagnostics,
    });
  }
  return {
    file,
    displayPath,
    value: doc.toJS() ?? {},
    locate: (keyPath) => {
      const node = doc.getIn(keyPath, true) as { range?: readonly number[] } | undefined;
      return node?.range?.[0] === undefined ? undefined : toPlace(node.range[0]);
    },
  };
}
