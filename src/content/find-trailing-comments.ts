import { Lexer } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createPositionFinder } from '../text/text-position.js';

/** The lexer's markers that stand for no text of the source: document start, flow end, plain scalar. */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * Warnings for a comment written straight after a plain (unquoted) value on
 * its line, with the `#` touching the text after it (`title: Nomor #1 di
 * kota`, `summary: Harga naik 10% #inflasi`): YAML reads ` #` as the start
 * of a comment and drops the rest of the line, which a hashtag or a "#1"
 * in a headline surely did not mean. A comment written as comments are
 * (`# note`, a space after the `#`), on its own line, after a quoted value
 * or after a flow list (`tags: [a, b] # note`) is deliberate and passes.
 * Call it only when the text holds ` #` (the caller's guard keeps the
 * common file free of the lexer). Offsets are shifted by `lineOffset` lines.
 */
export function findTrailingComments(yamlText: string, file: string, lineOffset: number): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  let toPlace: ReturnType<typeof createPositionFinder> | undefined;
  let offset = 0;
  let plain: { start: number; text: string } | undefined;
  let afterPlain: 'scalar' | 'space' | undefined;
  let marker = '';
  for (const token of new Lexer().lex(yamlText)) {
    if (MARKERS.has(token)) {
      marker = token;
      continue;
    }
    const start = offset;
    offset += token.length;
    if (marker === '\u001f') {
      plain = { start, text: token };
      afterPlain = 'scalar';
    } else if (afterPlain === 'scalar' && /^ +$/.test(token)) afterPlain = 'space';
    else if (afterPlain === 'space' && plain && /^#[^\s#]/.test(token)) {
      const place = (toPlace ??= createPositionFinder(yamlText))(start);
      warnings.push(describeComment(yamlText, file, plain, token, { ...place, line: place.line + lineOffset }));
      afterPlain = undefined;
    } else afterPlain = undefined;
    marker = '';
  }
  return warnings;
}

function describeComment(
  yamlText: string,
  file: string,
  plain: { start: number; text: string },
  comment: string,
  place: { line: number; column: number },
): Diagnostic {
  const dropped = comment.trimEnd();
  const lineStart = yamlText.lastIndexOf('\n', plain.start - 1) + 1;
  const lead = yamlText.slice(lineStart, plain.start).trimStart();
  const whole = `${plain.text} ${dropped}`;
  const example = plain.text.includes('\n') ? '' : `: \`${lead}${quote(whole)}\``;
  return createDiagnostic({
    file,
    place,
    severity: 'warning',
    reason: `Unexpected comment after the value "${plain.text.includes('\n') ? plain.text.split('\n').at(-1)?.trim() : plain.text}": YAML reads " #" as the start of a comment, so "${dropped}" was dropped from it`,
    ruleId: 'front-matter-comment',
    hint: `Quote the value to keep the text${example}; for a comment, write a space after the # (\`# note\`).`,
  });
}

/** `text` as a YAML double-quoted scalar, or single-quoted when it holds a `"` or `\`. */
function quote(text: string): string {
  if (!/["\\]/.test(text)) return `"${text}"`;
  return `'${text.replaceAll("'", "''")}'`;
}
