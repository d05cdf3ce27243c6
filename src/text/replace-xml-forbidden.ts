import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Characters XML 1.0 forbids in a document: C0 controls other than tab,
 * line feed and carriage return, and the noncharacters U+FFFE and U+FFFF
 * (NUL never gets this far: it marks a binary file). Text pasted from word
 * processors brings them (`\v` for a soft line break), and one of them in a
 * title made every feed and sitemap carrying it ill-formed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it finds.
export const XML_FORBIDDEN = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Warnings given per file before the rest are only counted. */
const MAX_WARNINGS = 5;

/**
 * Replaces every character XML forbids with a space (a space, not nothing,
 * so the places of everything after it stay as they were), with a warning
 * at each one's line and column; after five, one warning counts the rest.
 */
export function replaceXmlForbidden(text: string, file: string): { text: string; warnings: Diagnostic[] } {
  XML_FORBIDDEN.lastIndex = 0;
  if (!XML_FORBIDDEN.test(text)) return { text, warnings: [] };
  const warnings: Diagnostic[] = [];
  let count = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const replaced = text.replace(XML_FORBIDDEN, (character, offset: number) => {
    for (
      let index = text.indexOf('\n', scanned);
      index !== -1 && index < offset;
      index = text.indexOf('\n', index + 1)
    ) {
      line += 1;
      lineStart = index + 1;
    }
    scanned = offset;
    count += 1;
    if (count <= MAX_WARNINGS) {
      const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      warnings.push(
        createDiagnostic({
          file,
          place: { line, column: offset - lineStart + 1 },
          severity: 'warning',
          reason: `Unexpected control character U+${code}, replaced with a space: feeds and sitemaps (XML) cannot hold it`,
          ruleId: 'control-character',
          hint: 'Text pasted from word processors often brings these; retype the spot or delete the character.',
        }),
      );
    }
    return ' ';
  });
  if (count > MAX_WARNINGS)
    warnings.push(
      createDiagnostic({
        file,
        severity: 'warning',
        reason: `Unexpected ${count - MAX_WARNINGS} more control characters in this file, each replaced with a space`,
        ruleId: 'control-character',
      }),
    );
  return { text: replaced, warnings };
}

/**
 * {@link replaceXmlForbidden} for the values of parsed front matter: YAML
 * escapes (`"\u0007"`) make such characters only when the text is parsed.
 * Each string value with one is cleaned, with a warning at the value.
 */
export function replaceXmlForbiddenInData(
  data: Readonly<Record<string, unknown>>,
  locate: (path: readonly (string | number)[]) => { line: number; column: number } | undefined,
  file: string,
): { data: Readonly<Record<string, unknown>>; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const clean = (value: unknown, path: readonly (string | number)[]): unknown => {
    if (typeof value === 'string') {
      XML_FORBIDDEN.lastIndex = 0;
      if (!XML_FORBIDDEN.test(value)) return value;
      warnings.push(
        createDiagnostic({
          file,
          place: locate(path),
          severity: 'warning',
          reason: `Unexpected control character in \`${path.join('.')}\`, replaced with a space: feeds and sitemaps (XML) cannot hold it`,
          ruleId: 'control-character',
        }),
      );
      return value.replace(XML_FORBIDDEN, ' ');
    }
    if (Array.isArray(value)) return value.map((item, index) => clean(item, [...path, index]));
    if (value !== null && typeof value === 'object' && !(value instanceof Date))
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clean(item, [...path, key])]));
    return value;
  };
  const cleaned = clean(data, []) as Readonly<Record<string, unknown>>;
  return warnings.length === 0 ? { data, warnings } : { data: cleaned, warnings };
}
