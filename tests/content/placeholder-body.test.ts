import { describe, expect, it } from 'vitest';
import { ARTICLE_PLACEHOLDERS, findPlaceholder, PAGE_PLACEHOLDERS } from '../../src/content/placeholder-body.js';

describe('findPlaceholder', () => {
  it('finds the line newsgen new wrote, in every language, at its line and column within the body', () => {
    expect(findPlaceholder('\nTulis isi berita di sini.\n')).toEqual({
      text: ARTICLE_PLACEHOLDERS.id,
      place: { line: 2, column: 1 },
    });
    expect(findPlaceholder('Lead.\n\n  Write the page here.  \n')).toEqual({
      text: PAGE_PLACEHOLDERS.en,
      place: { line: 3, column: 3 },
    });
    expect(findPlaceholder(`:::update{time="2026-11-20T12:30"}\n${ARTICLE_PLACEHOLDERS.ar}\n:::\n`)?.place).toEqual({
      line: 2,
      column: 1,
    });
  });

  it('leaves a body that only quotes the placeholder inside a sentence of its own, or has none', () => {
    expect(findPlaceholder('newsgen new menulis "Tulis isi berita di sini." di badan berita.\n')).toBeUndefined();
    expect(findPlaceholder('Tulis isi berita di sini. Lalu paragraf kedua.\n')).toBeUndefined();
    expect(findPlaceholder('Warga mengungsi sejak pagi.\n\nAir naik cepat.\n')).toBeUndefined();
    expect(findPlaceholder('')).toBeUndefined();
  });

  it('finds a later whole line after a quoted one', () => {
    const body = 'Contoh: "Tulis isi berita di sini." salah.\n\nTulis isi berita di sini.\n';
    expect(findPlaceholder(body)?.place).toEqual({ line: 3, column: 1 });
  });
});

describe('findPlaceholder with the rendered paragraphs', () => {
  it('skips a placeholder no paragraph consists of, and finds the others', () => {
    const body = `\`\`\`\n${ARTICLE_PLACEHOLDERS.en}\n\`\`\`\n\n${PAGE_PLACEHOLDERS.en}\n`;
    const paragraphs = new Set<string>([PAGE_PLACEHOLDERS.en]);
    expect(findPlaceholder(body, (text) => paragraphs.has(text))).toEqual({
      text: PAGE_PLACEHOLDERS.en,
      place: { line: 5, column: 1 },
    });
    expect(findPlaceholder(body, () => false)).toBeUndefined();
  });
});
