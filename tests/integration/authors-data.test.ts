import { describe, expect, test } from 'vitest';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

const ARTICLE =
  '---\ntitle: Harga cabai turun\ndate: 2026-11-20 10:00\nauthors: [Sari Wulandari, Tono]\n---\n\nHarga cabai turun di pasar induk.\n';
const CONFIG = { title: 'Warta', locale: 'id-ID', timeZone: 'Asia/Jakarta', baseUrl: 'https://warta.example/' };

describe('author profiles in authors.yml', () => {
  test('show on the author page with role, Markdown bio and links', async () => {
    const site = await buildInMemory(
      {
        'ekonomi/cabai.md': ARTICLE,
        'authors.yml':
          'sari:\n  name: Sari Wulandari\n  role: Redaktur Ekonomi\n  bio: Meliput *pasar* sejak 2019.\n  links:\n    - name: Surel\n      url: mailto:sari@warta.example\n',
      },
      CONFIG,
    );
    const page = site.dom('author/sari-wulandari/index.html');
    expect(page.body.textContent).toContain('Redaktur Ekonomi');
    expect(page.querySelector('em')?.textContent).toBe('pasar');
    expect(page.querySelector('a[href="mailto:sari@warta.example"]')?.textContent).toBe('Surel');
    expect(site.dom('author/tono/index.html').body.textContent).not.toContain('Redaktur');
  });

  test('warn of a # glued to text after an unquoted value, which YAML reads as a comment', async () => {
    const site = await buildInMemory(
      {
        'ekonomi/cabai.md': ARTICLE,
        'authors.yml': 'sari:\n  name: Sari Wulandari\n  role: Redaktur #1 ekonomi # sejak 2019\n',
      },
      CONFIG,
    );
    expect(site.generated.warnings).toEqual([
      expect.objectContaining({
        file: 'content/authors.yml',
        ruleId: 'front-matter-comment',
        place: { line: 3, column: 18 },
      }),
    ]);
    expect(site.dom('author/sari-wulandari/index.html').body.textContent).toContain('Redaktur');
  });

  test('report a bad entry at its own line', async () => {
    const error = await buildInMemory(
      {
        'ekonomi/cabai.md': ARTICLE,
        'authors.yml': 'sari:\n  name: Sari Wulandari\n  links:\n    - name: Situs\n      url: javascript:alert(1)\n',
      },
      CONFIG,
    ).catch((caught: unknown) => caught);
    expect(isNewsgenError(error)).toBe(true);
    const diagnostics = isNewsgenError(error) ? error.diagnostics : [];
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'content/authors.yml', ruleId: 'author-links', place: { line: 4, column: 7 } }),
    ]);
  });

  test('name both files of an author with two profiles as messages show files', async () => {
    const error = await buildInMemory(
      {
        'ekonomi/cabai.md': ARTICLE,
        'authors.yml': 'sari:\n  name: Sari Wulandari\n',
        'authors/sari-wulandari.md': '---\nname: Sari Wulandari\n---\n\nRedaktur.\n',
      },
      CONFIG,
    ).catch((caught: unknown) => caught);
    const diagnostics = isNewsgenError(error) ? error.diagnostics : [];
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.cause?.file])).toEqual([
      [expect.stringMatching(/^content\//), 'duplicate-author', expect.stringMatching(/^content\//)],
    ]);
    // Each at the `name` that makes the two one author.
    expect(diagnostics[0]).toMatchObject({
      file: 'content/authors/sari-wulandari.md',
      place: { line: 2, column: 7 },
      cause: { file: 'content/authors.yml', place: { line: 2, column: 9 } },
    });
  });
});
