import { describe, expect, it } from 'vitest';
import { ARTICLE_PLACEHOLDERS, PAGE_PLACEHOLDERS } from '../../src/content/placeholder-body.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { createArticleCheckOptions, processSource } from '../../src/process/process-source.js';

const processor = createMarkdownProcessor();
const options = createArticleCheckOptions('Asia/Jakarta');

/** The `body-placeholder` warnings of a file at `file` whose body (from line 6) is `body`, as `path:line:column`. */
function placeholderWarnings(body: string, file = 'nasional/banjir.md'): string[] {
  const text = `---\ntitle: Banjir di Kota\ndate: 2016-09-09 10:46\ndateline: Medan\n---\n${body}`;
  const { result } = processSource(
    { path: file, displayPath: `content/${file}`, bytes: new TextEncoder().encode(text) },
    options,
    processor,
  );
  if (result.kind === 'failed') throw new Error(result.diagnostics.map((d) => d.reason).join('\n'));
  return (result.warnings ?? [])
    .filter((warning) => warning.ruleId === 'body-placeholder')
    .map((warning) => `${warning.file}:${warning.place?.line}:${warning.place?.column}`);
}

describe('the body-placeholder warning', () => {
  it('points at the placeholder left as a paragraph, after the dateline or later, on an article and on a page', () => {
    expect(placeholderWarnings(`${ARTICLE_PLACEHOLDERS.id}\n`)).toEqual(['content/nasional/banjir.md:6:1']);
    expect(placeholderWarnings(`Air naik.\n\n  ${ARTICLE_PLACEHOLDERS.en}\n`)).toEqual([
      'content/nasional/banjir.md:8:3',
    ]);
    expect(placeholderWarnings(`Redaksi.\n\n${PAGE_PLACEHOLDERS.id}\n`, 'pages/redaksi.md')).toEqual([
      'content/pages/redaksi.md:8:1',
    ]);
  });

  it('leaves the placeholder shown in a code block, fenced or indented, and one quoted inside a sentence', () => {
    const fenced = `Cara menulis berita baru:\n\n\`\`\`markdown\n${ARTICLE_PLACEHOLDERS.id}\n\`\`\`\n`;
    expect(placeholderWarnings(fenced)).toEqual([]);
    expect(placeholderWarnings(`Contoh:\n\n    ${ARTICLE_PLACEHOLDERS.en}\n`)).toEqual([]);
    expect(placeholderWarnings(`Perintah itu menulis "${ARTICLE_PLACEHOLDERS.id}" di badan berita.\n`)).toEqual([]);
  });
});
