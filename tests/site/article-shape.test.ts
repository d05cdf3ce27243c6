import { setFlagsFromString } from 'node:v8';
import { expect, test } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { copyArticle } from '../../src/content/copy-article.js';
import { buildSite } from '../../src/site/build-site.js';
import { displayPathOf, makeArticle, makeOptions, september } from './fixtures.js';

// V8's own answer, asked through its natives syntax (allowed for functions compiled from here on).
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('object', 'return %HasFastProperties(object)') as (object: object) => boolean;

test('every article of the model is one shape of fast properties, whatever object it was made from (regression: issue 19)', () => {
  const options = makeOptions({ now: new Date('2016-09-20T00:00:00Z') });
  const written = makeArticle('harga-cabai', { date: september(9), tags: ['Pasar'] });
  // As the cache gives it back (undefined fields left out), and as Object.assign onto `{}` made it.
  const cached = JSON.parse(JSON.stringify(makeArticle('banjir', { date: september(10) }))) as Article;
  const assigned: Article = Object.assign({}, makeArticle('kereta', { date: september(11) }), { tags: ['Kereta'] });
  expect(hasFastProperties(assigned)).toBe(false);
  const { site } = buildSite([written, cached, assigned], new Map(), options, displayPathOf);
  expect(site.articles).toHaveLength(3);
  const keys = Object.keys(site.articles[0] as object);
  for (const article of site.articles) {
    expect(hasFastProperties(article), article.id).toBe(true);
    expect(Object.keys(article), article.id).toEqual(keys);
  }
  expect(keys.slice(-4)).toEqual(['url', 'sectionTerm', 'tagTerms', 'authorTerms']);
});

test('copyArticle copies every field, the ones left undefined included, and nothing more', () => {
  const article = makeArticle('harga-cabai', { idPlace: { line: 3, column: 1 } });
  const copy = copyArticle(Object.assign({}, article), article);
  expect(copy).toStrictEqual(article);
  expect(copy).not.toBe(article);
  expect(hasFastProperties(copy)).toBe(true);
  const cached = JSON.parse(JSON.stringify(makeArticle('banjir'))) as Article;
  expect('summary' in cached).toBe(false);
  expect(Object.keys(copyArticle(cached, cached))).toEqual(Object.keys(copy));
});
