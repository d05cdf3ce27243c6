import { describe, expect, test } from 'vitest';
import type { AuthorProfile } from '../../src/content/author-profile.js';
import { buildSite } from '../../src/site/build-site.js';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { displayPathOf, makeArticle, makeOptions, september } from './fixtures.js';

function profile(slug: string, name: string): [string, AuthorProfile] {
  return [
    slug,
    {
      slug,
      name,
      role: undefined,
      bioHtml: undefined,
      avatar: undefined,
      links: [],
      sourcePath: `authors/${slug}.md`,
      namePlace: { line: 2, column: 7 },
    },
  ];
}

const unused = (diagnostics: readonly { ruleId: string }[]) =>
  diagnostics.filter((diagnostic) => diagnostic.ruleId === 'author-profile-unused');

describe('author profiles that no article names', () => {
  test('warn at the profile name, naming the nearest author and an article that writes it', () => {
    const { diagnostics } = buildSite(
      [makeArticle('a', { authors: ['Budi Santoso'] }), makeArticle('b', { authors: ['Rina Wulandari'] })],
      new Map([profile('budi-santosa', 'Budi Santosa'), profile('rina-wulandari', 'Rina Wulandari')]),
      makeOptions(),
      displayPathOf,
    );
    expect(unused(diagnostics)).toEqual([
      expect.objectContaining({
        file: 'content/authors/budi-santosa.md',
        place: { line: 2, column: 7 },
        severity: 'warning',
        reason: expect.stringContaining(
          '"Budi Santosa" that no article names (the profile shows on no page), did you mean "Budi Santoso" (content/ekonomi/a.md)?',
        ),
      }),
    ]);
  });

  test('say what to check when no author is close', () => {
    const { diagnostics } = buildSite(
      [makeArticle('a')],
      new Map([profile('dewi', 'Dewi')]),
      makeOptions(),
      displayPathOf,
    );
    expect(unused(diagnostics)).toEqual([
      expect.objectContaining({
        reason: expect.stringContaining('expected the name of an author of an article'),
        hint: expect.stringContaining('Check the spelling of `name` here and of `author:` in the articles'),
      }),
    ]);
  });

  test('count drafts, scheduled articles and names spelled otherwise with the same slug', () => {
    const options = makeOptions({ now: new Date('2016-09-20T00:00:00Z') });
    const articles = [
      makeArticle('a', { authors: ['Rina Wulandari'] }),
      makeArticle('draft', { authors: ['Dewi'], draft: true }),
      makeArticle('scheduled', { authors: ['Sari Dewi'], date: september(30) }),
      makeArticle('b', { authors: ['José Rizal'] }),
    ];
    const profiles = new Map([
      profile('dewi', 'Dewi'),
      profile('sari-dewi', 'Sari Dewi'),
      profile('jose-rizal', 'Jose Rizal'),
    ]);
    const { site, diagnostics } = buildSite(articles, profiles, options, displayPathOf);
    expect(site.articles.map((article) => article.id)).toEqual(['a', 'b']);
    expect(unused(diagnostics)).toEqual([]);
  });

  test('are found in authors.yml at the entry that names them', async () => {
    const { generated } = await buildInMemory({
      'authors.yml': 'rina:\n  name: Rina Wulandari\nbudi:\n  name: Budi Santosa\n',
      'ekonomi/a.md': '---\ntitle: A\ndate: 2026-11-01 10:00\nauthor: Rina Wulandari\n---\nIsi.\n',
    });
    expect(unused(generated.warnings)).toEqual([
      expect.objectContaining({ file: 'content/authors.yml', place: { line: 4, column: 9 } }),
    ]);
  });
});
