import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { parseFrontMatter } from '../content/front-matter.js';
import { toDisplayPath } from '../content/load-content.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { NewsField, NewsFinding } from './check-news.js';

/**
 * Turns news findings into warnings at the line of the field they are about
 * (an edge: it reads the few flagged files again for their positions, which
 * the validated articles no longer carry). A field that is absent points at
 * the front matter's first line.
 */
export async function placeNewsFindings(
  findings: readonly NewsFinding[],
  config: ResolvedConfig,
): Promise<Diagnostic[]> {
  const placesByFile = new Map<string, Promise<(field: NewsField) => Place>>();
  const placesOf = (sourcePath: string) => {
    let places = placesByFile.get(sourcePath);
    if (!places) placesByFile.set(sourcePath, (places = readPlaces(path.join(config.contentDir, sourcePath))));
    return places;
  };
  const shown = (sourcePath: string) => toDisplayPath(path.join(config.contentDir, sourcePath), config.root);
  return Promise.all(
    findings.map(async (finding) => {
      const place = (await placesOf(finding.sourcePath))(finding.field);
      const cause = finding.cause
        ? {
            file: shown(finding.cause.sourcePath),
            place: (await placesOf(finding.cause.sourcePath))(finding.cause.field),
          }
        : undefined;
      return createDiagnostic({
        file: shown(finding.sourcePath),
        place,
        reason: finding.reason,
        ruleId: finding.ruleId,
        severity: 'warning',
        hint: finding.hint,
        cause,
      });
    }),
  );
}

async function readPlaces(file: string): Promise<(field: NewsField) => Place> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const parsed = parseFrontMatter(text, file);
  const start = { line: 1, column: 1 };
  if (!parsed.ok) return () => start;
  return (field) => parsed.value.locate([field]) ?? parsed.value.locate([field], { key: true }) ?? start;
}
