import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { ErrorCode } from '../diagnostics/error-codes.js';
import { explainYamlErrors, firstLine } from '../text/explain-yaml-errors.js';
import { createPositionFinder } from '../text/text-position.js';
import { findTrailingComments } from './find-trailing-comments.js';
import { readQuickMapping } from './quick-yaml-mapping.js';

/** Parsed front matter: plain data plus a way to find where each key was written. */
export interface FrontMatter {
  readonly data: Readonly<Record<string, unknown>>;
  /** The place of a key's value (or of the key itself with `{ key: true }`), for messages. */
  locate(path: readonly (string | number)[], options?: { key?: boolean }): Place | undefined;
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  /** Probable mistakes the YAML reads without error (see `findTrailingComments`); absent when none. */
  readonly warnings?: readonly Diagnostic[];
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/** The `yaml` package's limit on alias expansion (its default): aliases of aliases of … grow exponentially. */
const MAX_ALIAS_COUNT = 100;

/**
 * Splits a Markdown file into YAML front matter and body and parses the YAML
 * with positions (the `parse` stage). Positions are file positions: the
 * opening `---` is line 1. Dates stay strings (YAML core schema), so a date
 * without an offset is never read as UTC by the YAML parser.
 */
export function parseFrontMatter(
  text: string,
  file: string,
): { ok: true; value: FrontMatter } | { ok: false; diagnostics: Diagnostic[] } {
  const open = OPENING.exec(text);
  if (!open)
    return fail(
      file,
      { line: 1, column: 1 },
      'Unexpected start of file, expected front matter opening with `---` on the first line',
      'front-matter-missing',
      'Start the file with a `---` line, the YAML fields (at least `title` and `date`), and another `---` line.',
    );
  const rest = text.slice(open[0].length);
  const close = CLOSING.exec(rest);
  if (!close)
    return fail(
      file,
      { line: 1, column: 1 },
      'Unexpected end of file, expected a closing `---` line after the front matter',
      'front-matter-unclosed',
      'Add a line with only `---` after the last front matter field.',
    );
  const yamlText = rest.slice(0, close.index);
  const parsed = parseYamlMapping(yamlText, file, 1, 'front matter');
  if (!parsed.ok) return parsed;
  // The guard keeps the lexer off the common file, which has no ` #` at all.
  const warnings = yamlText.includes(' #') ? findTrailingComments(yamlText, file, 1) : [];
  const afterClose = open[0].length + close.index + close[0].length;
  const bodyStart = text.startsWith('\r\n', afterClose)
    ? afterClose + 2
    : text.startsWith('\n', afterClose)
      ? afterClose + 1
      : afterClose;
  const value = { ...parsed.value, body: text.slice(bodyStart), bodyLine: countLines(text, bodyStart) };
  return { ok: true, value: warnings.length > 0 ? { ...value, warnings } : value };
}

/**
 * Parses a YAML mapping with positions: front matter, or a whole data file
 * such as `authors.yml`. `lineOffset` is the number of lines before the YAML
 * in its file (1 for front matter, after the opening `---`).
 *
 * A plain mapping (what nearly all front matter is) is read by the quick
 * reader (see `readQuickMapping`); anything else, every error message, and
 * the place of an empty value come from the `yaml` package, which the quick
 * reader agrees with wherever it reads at all. `quick: false` uses the
 * `yaml` package alone (the tests compare the two).
 */
export function parseYamlMapping(
  yamlText: string,
  file: string,
  lineOffset: number,
  what: string,
  options: { readonly quick?: boolean } = {},
): { ok: true; value: Pick<FrontMatter, 'data' | 'locate'> } | { ok: false; diagnostics: Diagnostic[] } {
  const quick = options.quick === false ? undefined : readQuickMapping(yamlText);
  if (!quick) return parseWithYaml(yamlText, file, lineOffset, what);
  let full: Pick<FrontMatter, 'locate'> | undefined;
  let placeOf: ((offset: number) => Place) | undefined;
  const locate: FrontMatter['locate'] = (path, locateOptions) => {
    const offset = quick.locate(path, locateOptions?.key === true);
    if (offset === undefined) return undefined;
    if (offset !== 'ask-yaml') {
      const place = (placeOf ??= createPositionFinder(yamlText))(offset);
      return { line: place.line + lineOffset, column: place.column };
    }
    if (!full) {
      const parsed = parseWithYaml(yamlText, file, lineOffset, what);
      if (!parsed.ok) return undefined;
      full = parsed.value;
    }
    return full.locate(path, locateOptions);
  };
  return { ok: true, value: { data: quick.data, locate } };
}

/** The whole `yaml` package: every error with its place, and the place of every node. */
function parseWithYaml(
  yamlText: string,
  file: string,
  lineOffset: number,
  what: string,
): { ok: true; value: Pick<FrontMatter, 'data' | 'locate'> } | { ok: false; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const toPlace = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: explainYamlErrors(doc.errors, yamlText, what).map((problem) =>
        createDiagnostic({
          file,
          place: toPlace(problem.offset),
          reason: problem.reason,
          ruleId: 'front-matter-yaml',
          hint: problem.hint,
          cause: problem.causeOffset === undefined ? undefined : { file, place: toPlace(problem.causeOffset) },
        }),
      ),
    };
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return fail(
      file,
      toPlace(rangeStart(contents) ?? 0),
      `Unexpected ${what} that is not a mapping, expected \`key: value\` lines`,
      'front-matter-yaml',
      'Write each field as `key: value` on its own line.',
    );
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // The parser has no error for aliases that expand too far: it throws when the data is made.
    return fail(
      file,
      toPlace(findFirstAlias(doc) ?? 0),
      `Invalid YAML in ${what}: ${error instanceof Error ? firstLine(error.message) : String(error)}`,
      'front-matter-yaml',
      'Write the values out instead of nesting aliases (`*name`) of aliases: the data they expand to is too large.',
    );
  }
  return {
    ok: true,
    value: { data, locate: (path, options) => locateNode(doc, path, options?.key === true, toPlace) },
  };
}

/** Start offset of the document's first alias (`*name`). */
function findFirstAlias(doc: Document): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      start = node.range?.[0];
      return visit.BREAK;
    },
  });
  return start;
}

function locateNode(
  doc: Document,
  path: readonly (string | number)[],
  wantKey: boolean,
  toPlace: (offset: number) => Place,
): Place | undefined {
  if (wantKey && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
      const start = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (start !== undefined) return toPlace(start);
    }
  }
  const node = doc.getIn(path, true);
  const start = rangeStart(node);
  return start === undefined ? undefined : toPlace(start);
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    return range?.[0];
  }
  return undefined;
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function fail(
  file: string,
  place: Place,
  reason: string,
  ruleId: ErrorCode,
  hint: string,
): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [createDiagnostic({ file, place, reason, ruleId, hint })] };
}
