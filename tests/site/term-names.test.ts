import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { buildSite } from '../../src/site/build-site.js';
import type { Site, Term } from '../../src/site/site.js';
import { keepsTermName } from '../../src/site/term-names.js';
import { createNameKey } from '../../src/url/slug.js';
import { displayPathOf, makeArticle, makeOptions, september } from './fixtures.js';

const options = makeOptions({ now: new Date('2016-09-30T00:00:00Z') });

/**
 * Spellings of one tag (one name key; `Pásar Raya` has another key but the same slug, so it is
 * a second term, `pasar-raya-2`; `Pasar & Raya` has its key but the slug `pasar-and-raya`) and of one author;
 * an article may also carry a second tag, another spelling of it among them.
 */
const TAGS = ['Pasar Raya', 'pasar raya', 'PASAR RAYA', 'Pasar  Raya', 'Pásar Raya', 'Pasar & Raya'];
const AUTHORS = ['Rina Sari', 'rina sari', 'RINA SARI'];

/** Articles one hour apart, oldest first: the last is the newest, the one a publish adds or removes. */
function articlesOf(spellings: readonly [string, string, string | null][]): Article[] {
  return spellings.map(([tag, author, second], index) =>
    makeArticle(`berita-${index}`, {
      date: september(1 + Math.floor(index / 20), `${String(index % 20).padStart(2, '0')}:00`),
      tags: second === null ? [tag] : [tag, second],
      authors: [author],
    }),
  );
}

function build(articles: readonly Article[]): Site {
  return buildSite(articles, new Map(), options, displayPathOf).site;
}

function termAt(site: Site, url: string): Term | undefined {
  return [...site.tags, ...site.authors].find((term) => term.url === url);
}

function listed(site: Site, term: Term) {
  return site.articles.filter((article) => [...article.tagTerms, ...article.authorTerms].includes(term));
}

/**
 * The tag at `/tag/pasar-raya/` of a site of `spellings` (oldest first), named with and without the
 * newest article, and whether `keepsTermName` keeps the name when that article is removed.
 */
function removeNewest(spellings: readonly [string, string, string | null][]) {
  const articles = articlesOf(spellings);
  const full = build(articles);
  const rest = build(articles.slice(0, -1));
  const [term, kept, newest] = [termAt(full, '/tag/pasar-raya/'), termAt(rest, '/tag/pasar-raya/'), full.articles[0]];
  if (!term || !kept || !newest) throw new Error('fixture');
  const change = { article: newest, step: -1 as const };
  return {
    full,
    before: term.name,
    after: kept.name,
    keeps: keepsTermName(term, listed(rest, kept), options, rest.profiles, change),
  };
}

describe('keepsTermName (a publish patch keeps a term name only when a full build would)', () => {
  test('adding or removing the newest article: true exactly when the full build names the term as before (property)', () => {
    const spelling = fc.tuple(
      fc.constantFrom(...TAGS),
      fc.constantFrom(...AUTHORS),
      fc.option(fc.constantFrom('Banjir', ...TAGS)),
    );
    fc.assert(
      fc.property(fc.array(spelling, { minLength: 2, maxLength: 14 }), (spellings) => {
        const articles = articlesOf(spellings);
        const before = build(articles.slice(0, -1));
        const after = build(articles);
        const newest = after.articles[0];
        if (!newest) throw new Error('no newest article');
        // A publish patch only meets the same terms before and after (a name key that appears or
        // disappears, and the slugs it moves, make the model again): the same URLs, each one name key.
        const urls = [...after.tags, ...after.authors].map((term) => term.url);
        fc.pre(
          urls.length === before.tags.length + before.authors.length &&
            urls.every((url) => {
              const [old, now] = [termAt(before, url), termAt(after, url)];
              return old !== undefined && now !== undefined && createNameKey(old.name) === createNameKey(now.name);
            }),
        );
        for (const url of urls) {
          const old = termAt(before, url) as Term;
          const now = termAt(after, url) as Term;
          // Publishing the newest: the term as the site had it, its listing with the article.
          expect(keepsTermName(old, listed(after, now), options, after.profiles, { article: newest, step: 1 })).toBe(
            now.name === old.name,
          );
          // Removing it again: the term as the site with it had it, its listing without it.
          expect(keepsTermName(now, listed(before, old), options, before.profiles, { article: newest, step: -1 })).toBe(
            old.name === now.name,
          );
        }
      }),
      { seed: 20261203, numRuns: 600 },
    );
  });

  test('a removal that takes away one of the commonest spelling can rename the term', () => {
    // Two "Pasar Raya", two "pasar raya": the tie goes to "Pasar Raya" (code-unit order). Removing a
    // third spelling keeps it without counting.
    expect(
      removeNewest([
        ['pasar raya', 'Rina Sari', null],
        ['Pasar Raya', 'Rina Sari', null],
        ['pasar raya', 'Rina Sari', null],
        ['Pasar Raya', 'Rina Sari', null],
        ['PASAR RAYA', 'Rina Sari', null],
      ]),
    ).toMatchObject({ before: 'Pasar Raya', after: 'Pasar Raya', keeps: true });
    // Three "pasar raya" against two: removing one of them brings back the tie, which "Pasar Raya" wins.
    expect(
      removeNewest([
        ['Pasar Raya', 'Rina Sari', null],
        ['pasar raya', 'Rina Sari', null],
        ['Pasar Raya', 'Rina Sari', null],
        ['pasar raya', 'Rina Sari', null],
        ['pasar raya', 'Rina Sari', null],
      ]),
    ).toMatchObject({ before: 'pasar raya', after: 'Pasar Raya', keeps: false });
  });

  test('counts only the spellings of the term itself, not of another term with the same slug', () => {
    // "Pásar Raya" is another name key (its term is pasar-raya-2): it never counts for "pasar raya",
    // which keeps its name when the newest of its three articles goes.
    const removed = removeNewest([
      ['pasar raya', 'Rina Sari', 'Pásar Raya'],
      ['pasar raya', 'Rina Sari', 'Pásar Raya'],
      ['pasar raya', 'Rina Sari', null],
    ]);
    expect(termAt(removed.full, '/tag/pasar-raya-2/')?.name).toBe('Pásar Raya');
    expect(removed).toMatchObject({ before: 'pasar raya', after: 'pasar raya', keeps: true });
  });
});
