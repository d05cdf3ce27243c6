import { describe, expect, test } from 'vitest';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { checkBracketLimit, MARKDOWN_BRACKETS, MAX_BRACKETS } from '../../src/markdown/bracket-limit.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';

function refusal(markdown: string) {
  try {
    checkBracketLimit(markdown);
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
  return undefined;
}

describe('paragraphs full of brackets (issue 25)', () => {
  test('[a](b repeated 40,000 times is refused at its paragraph at once, instead of parsing for seconds', () => {
    const body = `Pembuka.\n\n${'[a](b '.repeat(40_000)}\n`;
    expect(refusal(body)).toMatchObject({ code: MARKDOWN_BRACKETS, place: { line: 3, column: 1 } });
    expect(() => createMarkdownProcessor().render(body)).toThrow(/more than 5,000 `\]` in one paragraph/);
  });

  test('counts per paragraph: as many brackets split by blank lines are fine', () => {
    expect(refusal('[a] [b]\n\n'.repeat(MAX_BRACKETS))).toBeUndefined();
    expect(refusal(`${'[a] '.repeat(MAX_BRACKETS)}\n`)).toBeUndefined();
    expect(refusal(`${'[a]\n'.repeat(MAX_BRACKETS)}[b]\n`)).toMatchObject({ place: { line: 1, column: 1 } });
  });

  test('a body with many links in ordinary paragraphs renders as before', () => {
    const body = Array.from({ length: 300 }, (_, index) => `Baca [berita ${index}](/b/${index}/) hari ini.`).join(
      '\n\n',
    );
    expect(createMarkdownProcessor().render(body).html).toContain('href="/b/299/"');
  });
});
