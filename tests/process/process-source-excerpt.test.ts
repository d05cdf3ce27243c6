import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { createArticleCheckOptions, processSource } from '../../src/process/process-source.js';

const processor = createMarkdownProcessor();
const options = createArticleCheckOptions('Asia/Jakarta');

/** The excerpt of an article file with `frontMatter` lines and `body`. */
function excerptOf(frontMatter: string, body: string): string | undefined {
  const text = `---\ntitle: Banjir di Kota\ndate: 2016-09-09 10:46\n${frontMatter}---\n\n${body}`;
  const processed = processSource(
    { path: 'nasional/banjir.md', displayPath: 'content/nasional/banjir.md', bytes: new TextEncoder().encode(text) },
    options,
    processor,
  );
  return processed.result.kind === 'article' ? processed.result.article.excerpt : undefined;
}

describe("an article's excerpt", () => {
  const body = '## Kronologi\n\nAir naik   sejak pagi.\n\n```\nkode\n```\n\nWarga mengungsi ke masjid.\n';

  it('is its summary when it has one, whatever the body says', () => {
    expect(excerptOf('summary: Ringkasan dari redaksi.\n', body)).toBe('Ringkasan dari redaksi.');
  });

  it("is read from the body's paragraphs without one: headings, code and the dateline left out", () => {
    expect(excerptOf('', body)).toBe('Air naik sejak pagi. Warga mengungsi ke masjid.');
    expect(excerptOf('dateline: Jakarta\n', 'Hujan deras turun.\n')).toBe('Hujan deras turun.');
  });
});
