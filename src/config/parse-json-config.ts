import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { createPositionFinder } from '../text/text-position.js';
import type { LoadedConfig } from './loaded-config.js';

/**
 * Parses a `.json` config as strict JSON, as every other tool reading the
 * file will: comments, trailing commas and YAML syntax are errors at their
 * line and column, and so is a key written twice (JSON parsers keep the
 * last one silently). Every value keeps its place for later messages.
 */
export function parseJsonConfig(written: string, displayPath: string, file: string | undefined): LoadedConfig {
  // Without the byte order mark some Windows editors write, which editors do not count as a column either.
  const text = written.charCodeAt(0) === 0xfeff ? written.slice(1) : written;
  const toPlace = createPositionFinder(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const diagnostics: Diagnostic[] = [];
  // Later errors are mostly echoes of the first one, from the parser's recovery.
  const first = errors[0];
  if (first) diagnostics.push(syntaxDiagnostic(text, first, displayPath, toPlace));
  else if (tree) diagnostics.push(...findDuplicateKeys(tree, displayPath, toPlace));
  if (diagnostics.length > 0 || !tree) {
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
    value: toValue(tree),
    locate: (keyPath) => {
      const node = findNodeAtLocation(tree, [...keyPath]);
      return node ? toPlace(node.offset) : undefined;
    },
  };
}

type ToPlace = ReturnType<typeof createPositionFinder>;

function syntaxDiagnostic(text: string, error: ParseError, displayPath: string, toPlace: ToPlace): Diagnostic {
  const comma = trailingCommaBefore(text, error.offset);
  const reason =
    comma === undefined
      ? `Invalid JSON: ${describeError(error.error, text.slice(error.offset, error.offset + Math.max(error.length, 1)))}`
      : 'Invalid JSON: unexpected trailing comma, expected another entry (JSON allows no comma before `}` or `]`)';
  return createDiagnostic({
    file: displayPath,
    place: toPlace(comma ?? error.offset),
    reason,
    ruleId: 'config-syntax',
    hint: 'newsgen.config.json is strict JSON; for comments and lighter syntax, use newsgen.config.yaml.',
  });
}

/** Offset of a comma that only white space separates from the closing bracket at `offset`. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let index = offset - 1;
  while (index >= 0 && /\s/.test(text[index] ?? '')) index -= 1;
  return text[index] === ',' ? index : undefined;
}

function describeError(code: ParseError['error'], found: string): string {
  const shown = found.trim() === '' ? 'the end of the file' : `\`${found}\``;
  switch (printParseErrorCode(code)) {
    case 'InvalidCommentToken':
      return 'unexpected comment, expected JSON (comments are not JSON)';
    case 'PropertyNameExpected':
      return `unexpected ${shown}, expected a key in double quotes`;
    case 'ColonExpected':
      return `unexpected ${shown}, expected \`:\``;
    case 'CommaExpected':
      return `unexpected ${shown}, expected \`,\` between entries`;
    case 'CloseBraceExpected':
      return `unexpected ${shown}, expected \`}\``;
    case 'CloseBracketExpected':
      return `unexpected ${shown}, expected \`]\``;
    case 'EndOfFileExpected':
      return `unexpected ${shown} after the end of the config object`;
    case 'UnexpectedEndOfString':
      return 'unexpected end of text inside a string, expected a closing `"`';
    default:
      return `unexpected ${shown}, expected a JSON value (text in double quotes, a number, true, false, null, an object or a list)`;
  }
}

function findDuplicateKeys(node: Node, displayPath: string, toPlace: ToPlace): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (node.type === 'object') {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      const first = seen.get(key.value);
      if (first === undefined) seen.set(key.value, key.offset);
      else
        found.push(
          createDiagnostic({
            file: displayPath,
            place: toPlace(key.offset),
            reason: `Invalid JSON: unexpected second \`${key.value}\` key, expected each key once`,
            ruleId: 'config-syntax',
            cause: { file: displayPath, place: toPlace(first) },
          }),
        );
    }
  }
  for (const child of node.children ?? []) found.push(...findDuplicateKeys(child, displayPath, toPlace));
  return found;
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [[String(key.value), toValue(value)]] : [];
        }),
      );
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}
