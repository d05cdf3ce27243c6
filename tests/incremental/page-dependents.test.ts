import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { hashBytes } from '../../src/hash/hash-bytes.js';
import {
  createDependentsIndexer,
  describeSiteStructure,
  type PageDependents,
  pagesShowing,
  readDependents,
  splitKeptPages,
} from '../../src/incremental/page-dependents.js';
import { urlToOutputPath } from '../../src/output/resolve-output-path.js';
import { createPageFingerprinter } from '../../src/plan/fingerprint-page.js';
import { buildSite } from '../../src/site/build-site.js';
import type { Site } from '../../src/site/site.js';
import { displayPathOf, makeArticle, makeOptions, september } from '../site/fixtures.js';

const SECTIONS = ['ekonomi', 'olahraga', 'teknologi'];
const TAGS = ['pasar', 'pangan', 'liga', 'gawai', 'energi'];

/** Thirty articles over three sections, overlapping tags and two authors: listings, related and other news all overlap. */
function corpus(): Article[] {
  return Array.from({ length: 30 }, (_, index) =>
    makeArticle(`berita-${index}`, {
      section: SECTIONS[index % 3] as string,
      tags: [TAGS[index % 5] as string, TAGS[(index * 2) % 5] as string],
      authors: [index % 4 === 0 ? 'Budi Santoso' : 'Rina Wulandari'],
      date: september(1 + (index % 28), `${String(8 + (index % 10)).padStart(2, '0')}:00`),
    }),
  );
}

function model(articles: readonly Article[]): Site {
  const { site, diagnostics } = buildSite(
    articles,
    new Map(),
    makeOptions({ perPage: 4, otherNewsCount: 3 }),
    displayPathOf,
  );
  expect(diagnostics).toEqual([]);
  return site;
}

/** Bodies by source path; an article without one here has a body made from its path. */
function fingerprints(site: Site, bodies: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const fingerprint = createPageFingerprinter('settings', {
    digest: (article) => hashBytes(bodies.get(article.sourcePath) ?? `<p>${article.sourcePath}</p>`),
  });
  return new Map(site.pages.map((page) => [urlToOutputPath(page.url), fingerprint(page)]));
}

function indexOf(site: Site): PageDependents {
  const indexer = createDependentsIndexer(describeSiteStructure(site, 'settings'), site.pages);
  // Added in another order than the site's, as the planner does (front pages first).
  for (const page of [...site.pages].reverse()) indexer.add(urlToOutputPath(page.url), page);
  const index = indexer.finish();
  if (!index) throw new Error('every page was added');
  return index;
}

describe('page dependents', () => {
  test('a page re-renders when an article its body links with ::related changes title, and a new link changes the structure (issue 23)', () => {
    const link = { slug: 'berita-3', place: { line: 8, column: 1 } };
    const before = corpus().map((article, at) => (at === 20 ? { ...article, readAlsoLinks: [link] } : article));
    const site = model(before);
    const index = indexOf(site);
    const old = fingerprints(site);
    const linking = urlToOutputPath(
      site.pages.find((page) => page.kind === 'article' && page.readAlso.length > 0)?.url ?? '',
    );
    const after = before.map((article, at) => (at === 3 ? { ...article, title: 'Judul baru' } : article));
    const listed = [...pagesShowing(index, [before[3]?.sourcePath as string])].map((at) => index.paths[at]);
    expect(listed).toContain(linking);
    expect(fingerprints(model(after)).get(linking)).not.toBe(old.get(linking));
    const relinked = before.map((article, at) =>
      at === 20 ? { ...article, readAlsoLinks: [{ ...link, slug: 'berita-4' }] } : article,
    );
    expect(describeSiteStructure(model(relinked), 'settings')).not.toBe(index.structure);
  });

  test('an edit to displayed fields keeps the structure, and every page whose fingerprint changed is listed for the edited article', () => {
    const before = corpus();
    const site = model(before);
    const index = indexOf(site);
    const old = fingerprints(site);
    // A body shows on its own page only; card fields on every listing, related and other-news block too.
    for (const [position, edit, least] of [
      [27, { title: 'Judul baru' }, 2], // the newest: in every "other news" block
      [7, { summary: 'Ringkasan baru', excerpt: 'Cuplikan baru' }, 2],
      [13, { body: '<p>Isi yang lain.</p>' }, 1],
      [29, { image: { src: '/a.jpg', alt: 'Foto', caption: undefined, credit: undefined }, dateline: 'JAKARTA' }, 2],
    ] as const) {
      const { body, ...fields } = edit as typeof edit & { body?: string };
      const after = before.map((article, at) => (at === position ? { ...article, ...fields } : article));
      const next = model(after);
      const bodies = new Map(body === undefined ? [] : [[after[position]?.sourcePath as string, body]]);
      expect(describeSiteStructure(next, 'settings')).toBe(index.structure);
      const listed = [...pagesShowing(index, [after[position]?.sourcePath as string])].map((at) => index.paths[at]);
      const changed = [...fingerprints(next, bodies)]
        .filter(([file, fingerprint]) => old.get(file) !== fingerprint)
        .map(([file]) => file);
      expect(changed.length).toBeGreaterThanOrEqual(least);
      for (const file of changed) expect(listed, `${file} changed but is not listed`).toContain(file);
    }
  });

  test('an edit to what decides listings, ranking or URLs changes the structure', () => {
    const before = corpus();
    const structure = describeSiteStructure(model(before), 'settings');
    const edits: Partial<Article>[] = [
      { tags: ['pasar'] },
      { section: 'ekonomi' },
      { authors: ['Sari'] },
      { date: september(29) },
      { slug: 'lain' },
      { draft: true },
      { id: 'id-lain' },
    ];
    for (const edit of edits) {
      const after = before.map((article, at) => (at === 4 ? { ...article, ...edit } : article));
      expect(describeSiteStructure(model(after), 'settings'), JSON.stringify(edit)).not.toBe(structure);
    }
    expect(describeSiteStructure(model(before.slice(1)), 'settings')).not.toBe(structure);
    expect(describeSiteStructure(model(before), 'other settings')).not.toBe(structure);
  });

  test('holds every page in the order of the site, and no index when a page was never added', () => {
    const site = model(corpus());
    const index = indexOf(site);
    expect(index.paths).toEqual(site.pages.map((page) => urlToOutputPath(page.url)));
    const partial = createDependentsIndexer(index.structure, site.pages);
    for (const page of site.pages.slice(1)) partial.add(urlToOutputPath(page.url), page);
    expect(partial.finish()).toBeUndefined();
  });

  test('keeps every page that shows no changed article, and plans the rest and any page the last build has no record of', () => {
    const site = model(corpus());
    const index = indexOf(site);
    const fingerprints = new Map(index.paths.map((path) => [path, `f:${path}`]));
    const outputs = new Map(index.paths.map((path) => [path, `h:${path}`]));
    const changed = site.articles[3]?.sourcePath as string;
    const showing = pagesShowing(index, [changed]);
    expect(showing.size).toBeGreaterThan(1);
    const unrecorded = index.paths.findIndex((_, position) => !showing.has(position));
    fingerprints.delete(index.paths[unrecorded] as string);
    const { plan, kept } = splitKeptPages(index, [changed], { fingerprints, outputs });
    expect(plan).toEqual(new Set([...showing, unrecorded]));
    expect(kept.size + plan.size).toBe(site.pages.length);
    for (const [path, fingerprint] of kept) expect(fingerprint).toBe(`f:${path}`);
    for (const position of plan) expect(kept.has(index.paths[position] as string)).toBe(false);
    // A page with a fingerprint but no file hash is planned too.
    const missingFile = index.paths.findIndex((path, position) => !plan.has(position) && path !== undefined);
    const withoutFile = new Map(outputs);
    withoutFile.delete(index.paths[missingFile] as string);
    const { plan: again } = splitKeptPages(index, [changed], { fingerprints, outputs: withoutFile });
    expect(again.has(missingFile)).toBe(true);
  });

  test('lists each page once per article, and reads back only a well-formed index', () => {
    const index = indexOf(model(corpus()));
    for (const positions of Object.values(index.byArticle)) expect(new Set(positions).size).toBe(positions.length);
    const stored = JSON.parse(JSON.stringify(index)) as unknown;
    expect(readDependents(stored)).toEqual(index);
    expect(readDependents(undefined)).toBeUndefined();
    expect(readDependents({ ...index, paths: [1] })).toBeUndefined();
    expect(readDependents({ ...index, byArticle: { 'a.md': [index.paths.length] } })).toBeUndefined();
    expect(readDependents({ ...index, structure: 3 })).toBeUndefined();
  });
});
