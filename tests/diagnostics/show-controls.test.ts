import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostics, formatError } from '../../src/diagnostics/format-diagnostics.js';
import { NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { showControls } from '../../src/diagnostics/show-controls.js';
import { formatGithubAnnotations } from '../../src/report/format-github-annotations.js';

// A front matter key as a hostile article can write it in YAML ("x\n::error …\e]52;c;…\a").
const KEY = 'x\n::error file=README.md,line=1::Approved\u001b]52;c;cHduZWQ=\u0007';

const diagnostic = createDiagnostic({
  file: 'content/a\r\n::warning::b.md',
  place: { line: 4, column: 1 },
  severity: 'warning',
  reason: `Unknown key "${KEY}", ignored`,
  ruleId: 'front-matter-unknown-key',
  hint: 'Check \u202Edrocer\u202C the spelling.',
});

function linesOf(text: string): string[] {
  return text.split('\n');
}

describe('printing what content wrote', () => {
  it('never lets a quoted value start a line of its own, which GitHub Actions would read as a workflow command', () => {
    const printed = formatDiagnostics([diagnostic], { color: false });
    expect(linesOf(printed).filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
    expect(printed).toContain('content/a\\r\\n::warning::b.md:4:1');
    expect(printed).toContain('Unknown key "x\\n::error file=README.md,line=1::Approved\\u001b]52;c;cHduZWQ=\\u0007"');
  });

  it('sends no escape sequence or bidirectional override to the terminal', () => {
    const printed = formatDiagnostics([diagnostic], { color: false });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them.
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
    expect(printed).toContain('Check \\u202edrocer\\u202c the spelling.');
  });

  it('escapes an operational error’s message, hint and cause alike', () => {
    const error = new NewsgenError(`Cannot read ${KEY}`, {
      code: 'config-syntax',
      hint: 'a\nb',
      cause: new Error('c\u001bd'),
    });
    expect(linesOf(formatError(error, { color: false }))).toEqual([
      'error  Cannot read x\\n::error file=README.md,line=1::Approved\\u001b]52;c;cHduZWQ=\\u0007  config-syntax',
      '  hint: a\\nb',
      '  cause: c\\u001bd',
    ]);
  });

  it('writes one GitHub annotation, its message without a raw escape sequence', () => {
    const printed = formatGithubAnnotations([diagnostic]);
    expect(linesOf(printed.trimEnd())).toHaveLength(1);
    expect(printed).not.toContain('\u001b');
  });
});

describe('showControls', () => {
  it('escapes invisible format characters, so two names that print alike are told apart', () => {
    const tags = ['\u200bbanjir', 'ban\u00adjir', '\ufeffbanjir', 'ban\u2060jir', '\u200ebanjir\u200f', '\u061cbanjir'];
    expect(tags.map((tag) => showControls(tag))).toEqual([
      '\\u200bbanjir',
      'ban\\u00adjir',
      '\\ufeffbanjir',
      'ban\\u2060jir',
      '\\u200ebanjir\\u200f',
      '\\u061cbanjir',
    ]);
  });

  it('keeps the tab and the zero-width joiner and non-joiner, which Persian words and emoji need', () => {
    const text = 'می\u200cخواهم\t👩\u200d💻';
    expect(showControls(text)).toBe(text);
  });
});
