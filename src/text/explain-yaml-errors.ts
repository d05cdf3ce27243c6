import { CST, Parser, type YAMLError } from 'yaml';

/** One YAML mistake in words an editor can act on, placed where it was made. */
export interface YamlProblem {
  /** Offset into the YAML text of the mistake. */
  readonly offset: number;
  readonly reason: string;
  readonly hint: string;
  /** Offset of a related place: the first of two equal keys. */
  readonly causeOffset?: number;
}

const GENERIC_HINT = 'Check the indentation and quote values that contain `:` or start with a special character.';

/**
 * Turns the `yaml` package's errors on `text` into problems placed where the
 * editor made the mistake: the opening quote or bracket that is never
 * closed (the parser notices only at the end), the `: ` inside an unquoted
 * value, the reserved first character, the second of two equal keys. It
 * reads the parser's error codes and its syntax tree (CST), never the
 * messages' wording; an error it has no words for keeps the parser's
 * message, prefixed with `Invalid YAML in <what>`. Later errors on a line
 * that already has one are follow-ons of it and dropped.
 */
export function explainYamlErrors(errors: readonly YAMLError[], text: string, what: string): YamlProblem[] {
  const tokens = readTokens(text);
  const problems: YamlProblem[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    const problem = explainOne(error, text, tokens) ?? {
      offset: error.pos[0],
      reason: `Invalid YAML in ${what}: ${firstLine(error.message)}`,
      hint: GENERIC_HINT,
    };
    // An error's follow-ons are on its line, or on the line the parser noticed it at.
    const here = [lineOf(text, error.pos[0]), lineOf(text, problem.offset)];
    if (here.some((line) => lines.has(line))) continue;
    for (const line of here) lines.add(line);
    problems.push(problem);
  }
  return problems;
}

/** The CST tokens an explanation needs, with the offset just past each. */
interface Tokens {
  readonly quoted: { readonly offset: number; readonly close: number; readonly end: number; readonly quote: string }[];
  readonly flows: { readonly offset: number; readonly end: number; readonly open: string; readonly closed: boolean }[];
  /** Block mappings that start on the line of the key they are the value of (`title: Banjir: warga`). */
  readonly compact: {
    readonly offset: number;
    readonly key: string;
    readonly keyOffset: number;
    readonly colon: number;
  }[];
  /** The plain or quoted keys of each block mapping, in order. */
  readonly mapKeys: { readonly offset: number; readonly source: string }[][];
}

function readTokens(text: string): Tokens {
  const tokens: Tokens = { quoted: [], flows: [], compact: [], mapKeys: [] };
  for (const document of new Parser().parse(text)) {
    if (document.type !== 'document') continue;
    if (document.value?.type === 'block-map') tokens.mapKeys.push(readKeys(document.value));
    CST.visit(document, (item) => {
      for (const token of [item.key, item.value]) {
        if (!token) continue;
        if (token.type === 'block-map') tokens.mapKeys.push(readKeys(token));
        const end = token.offset + CST.stringify(token).length;
        if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar')
          tokens.quoted.push({
            offset: token.offset,
            close: token.offset + token.source.length,
            end,
            quote: token.source.charAt(0),
          });
        else if (token.type === 'flow-collection') {
          const closed = token.end.some((end) => end.type === 'flow-map-end' || end.type === 'flow-seq-end');
          tokens.flows.push({ offset: token.offset, end, open: token.start.source, closed });
        }
      }
      const { key, value } = item;
      if (key && 'source' in key && value?.type === 'block-map') {
        const colon = value.items[0]?.sep?.find((token) => token.type === 'map-value-ind')?.offset;
        if (colon !== undefined)
          tokens.compact.push({ offset: value.offset, key: key.source, keyOffset: key.offset, colon });
      }
    });
  }
  return tokens;
}

function readKeys(map: CST.BlockMap): { offset: number; source: string }[] {
  return map.items.flatMap(({ key }) => (key && 'source' in key ? [{ offset: key.offset, source: key.source }] : []));
}

function explainOne(error: YAMLError, text: string, tokens: Tokens): YamlProblem | undefined {
  const at = error.pos[0];
  const quoted = error.code === 'MISSING_CHAR' && tokens.quoted.find((token) => token.offset < at && at <= token.end);
  if (quoted) {
    return {
      offset: quoted.offset,
      reason: `Unexpected \`${quoted.quote}\` that is never closed, expected a closing \`${quoted.quote}\` at the end of the value`,
      hint: `Close the quote at the end of the line (\`${linePrefix(text, quoted.offset)}${restOfLine(text, quoted.offset)}${quoted.quote}\`), or, for text over several lines, write \`|\` after the colon and the text on the lines below, indented.`,
    };
  }
  const after = error.code === 'UNEXPECTED_TOKEN' && tokens.quoted.find((token) => isJustAfter(text, token.close, at));
  if (after) {
    return {
      offset: at,
      reason: `Unexpected text after the closing \`${after.quote}\` of a quoted value, expected the end of the value`,
      hint: `To write ${after.quote === '"' ? 'a double' : 'a single'} quote inside the value, quote the whole value with the other kind: \`${linePrefix(text, after.offset)}${quote(unquote(restOfLine(text, after.offset), after.quote), after.quote)}\`.`,
    };
  }
  const flow = tokens.flows.find((token) => !token.closed && token.offset < at && at <= token.end);
  if (flow) return explainFlow(text, flow.offset, flow.open);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return {
        offset: at,
        reason: 'Unexpected tab in the indentation, expected spaces',
        hint: 'YAML indents with spaces only: replace the tab at the start of the line with spaces (two per level).',
      };
    case 'BAD_SCALAR_START':
      return explainReservedStart(text, at);
    case 'BLOCK_AS_IMPLICIT_KEY':
      return explainColonInValue(text, at, tokens);
    case 'DUPLICATE_KEY':
      return explainDuplicate(at, tokens);
    default:
      return undefined;
  }
}

function explainFlow(text: string, offset: number, open: string): YamlProblem {
  const list = open === '[';
  const close = list ? ']' : '}';
  const closed = `\`${linePrefix(text, offset)}${restOfLine(text, offset)}${close}\``;
  return {
    offset,
    reason: `Unexpected \`${open}\` that is never closed, expected a \`${close}\` at the end of the ${list ? 'list' : 'mapping'}`,
    hint: list
      ? `Close the list on the same line (${closed}), or write each item on its own line below the key as \`  - item\`.`
      : `Close the mapping on the same line (${closed}), or write each \`key: value\` on its own line below, indented.`,
  };
}

function explainReservedStart(text: string, at: number): YamlProblem {
  const character = text.charAt(at);
  return {
    offset: at,
    reason: `Unexpected "${character}" at the start of a value, expected a letter, a digit or a quote`,
    hint: `YAML reserves @ and \` at the start of plain text: put the whole value in quotes (\`${linePrefix(text, at)}${quote(restOfLine(text, at))}\`).`,
  };
}

function explainColonInValue(text: string, at: number, tokens: Tokens): YamlProblem | undefined {
  const compact = tokens.compact.find((token) => token.offset === at);
  if (!compact) return undefined;
  const lineBreak = text.lastIndexOf('\n', compact.colon);
  if (lineBreak >= at) return explainIndentedKey(text, lineBreak + 1, compact.colon, compact);
  return {
    offset: compact.colon,
    reason: `Unexpected \`:\` inside the value of \`${compact.key}\`, expected a value in quotes when it holds a colon and a space`,
    hint: `Put the whole value in quotes: \`${compact.key}: ${quote(restOfLine(text, at))}\`.`,
  };
}

/** A key indented deeper than the one above, which YAML reads as part of that key's value. */
function explainIndentedKey(
  text: string,
  lineStart: number,
  colon: number,
  above: { readonly key: string; readonly keyOffset: number },
): YamlProblem {
  const key = text.slice(lineStart, colon).trim();
  const offset = lineStart + (text.slice(lineStart, colon).length - text.slice(lineStart, colon).trimStart().length);
  const column = above.keyOffset - text.lastIndexOf('\n', above.keyOffset - 1);
  return {
    offset,
    reason: `Unexpected indentation before \`${key}\`, expected it in column ${column}, as \`${above.key}\` above`,
    hint: 'Start the keys of one mapping in the same column: remove the extra spaces at the start of the line.',
  };
}

function explainDuplicate(at: number, tokens: Tokens): YamlProblem | undefined {
  const keys = tokens.mapKeys.find((candidates) => candidates.some((key) => key.offset === at));
  const second = keys?.find((key) => key.offset === at);
  if (!keys || !second) return undefined;
  const first = keys.find((key) => key.source === second.source);
  return {
    offset: at,
    reason: `Unexpected second \`${second.source}\`, expected each key once`,
    hint: 'Keep one of the two values and remove the other line: YAML keeps no more than one.',
    ...(first && first !== second ? { causeOffset: first.offset } : {}),
  };
}

function restOfLine(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(at, end === -1 ? text.length : end).replace(/\s+#.*$|\s+$/, '');
}

/** The value in double quotes, or single quotes when it holds a double quote (or `avoid` is `"`). */
function quote(value: string, avoid = ''): string {
  return value.includes('"') || avoid === '"'
    ? `'${value.replaceAll("'", "''")}'`
    : `"${value.replaceAll('\\', '\\\\')}"`;
}

/** The value between its first and last quote, when it has both. */
function unquote(value: string, mark: string): string {
  return value.length >= 2 && value.startsWith(mark) && value.endsWith(mark) ? value.slice(1, -1) : value;
}

/** The line's text before `offset`, without its indentation: `title: ` before a value. */
function linePrefix(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset).trimStart();
}

/** True when only spaces stand between `end` and `at`. */
function isJustAfter(text: string, end: number, at: number): boolean {
  return end <= at && /^ *$/.test(text.slice(end, at));
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** A parser's message without its excerpt and its own `at line …, column …` (the place is given apart). */
export function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
