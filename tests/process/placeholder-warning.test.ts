import { describe, expect, it } from 'vitest';
import { ARTICLE_PLACEHOLDERS, PAGE_PLACEHOLDERS } from '../../src/content/placeholder-body.js';
import { processWarnings } from '../helpers/process-warnings.js';

/** The `body-placeholder` warnings of a file at `file` whose body (from line 6) is `body`, as `path:line:column severity`. */
function placeholderWarnings(body: string, file = 'nasional/banjir.md'): string[] {
  const text = `---\ntitle: Banjir di Kota\ndate: 2016-09-09 10:46\ndateline: Medan\n---\n${body}`;
  return processWarnings(file, text, 'body-placeholder');
}

describe('the body-placeholder warning', () => {
  it('points at the placeholder left as a paragraph, after the dateline or later, on an article and on a page', () => {
    expect(placeholderWarnings(`${ARTICLE_PLACEHOLDERS.id}\n`)).toEqual(['content/nasional/banjir.md:6:1 warning']);
    expect(placeholderWarnings(`Air naik.\n\n  ${ARTICLE_PLACEHOLDERS.en}\n`)).toEqual([
      'content/nasional/banjir.md:8:3 warning',
    ]);
    expect(placeholderWarnings(`Redaksi.\n\n${PAGE_PLACEHOLDERS.id}\n`, 'pages/redaksi.md')).toEqual([
      'content/pages/redaksi.md:8:1 warning',
    ]);
  });

  it('leaves the placeholder shown in a code block, fenced or indented, and one quoted inside a sentence', () => {
    const fenced = `Cara menulis berita baru:\n\n\`\`\`markdown\n${ARTICLE_PLACEHOLDERS.id}\n\`\`\`\n`;
    expect(placeholderWarnings(fenced)).toEqual([]);
    expect(placeholderWarnings(`Contoh:\n\n    ${ARTICLE_PLACEHOLDERS.en}\n`)).toEqual([]);
    expect(placeholderWarnings(`Perintah itu menulis "${ARTICLE_PLACEHOLDERS.id}" di badan berita.\n`)).toEqual([]);
  });
});
