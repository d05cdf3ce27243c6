import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/output/output-file.js';
import { planSitemapUpdate, type SitemapUpdate } from '../../src/syndication/create-sitemaps.js';
import { articleSource, type BuiltSite, buildInMemory } from './build-in-memory.js';
import { NOW, SITE_CONFIG, SITE_CONTENT } from './site-fixture.js';

const build = (content: Record<string, string>) => buildInMemory(SITE_CONFIG, content, { inline: { now: NOW } });

const ARCHIVE = {
  ...SITE_CONTENT,
  'ekonomi/oktober.md': articleSource({ title: 'Panen raya', date: '2026-10-05 09:00', author: 'Bagus Pratama' }),
  'nasional/september.md': articleSource({
    title: 'Musim tanam',
    date: '2026-09-12 09:00',
    author: 'Rani Kusumawardani',
  }),
};
const PUBLISHED = {
  ...ARCHIVE,
  'ekonomi/baru.md': articleSource({ title: 'Beras impor tiba', date: '2026-11-26 20:00', author: 'Bagus Pratama' }),
};

/** Every sitemap file the plan renders, and the files it says the site has. */
async function render(site: BuiltSite, update?: SitemapUpdate) {
  const plan = planSitemapUpdate(site.generated.site, site.config, update);
  const files: OutputFile[] = [];
  for (const group of plan.groups) files.push(...(await group.render()));
  return { files, all: plan.files, months: plan.months };
}

describe('planSitemapUpdate after a publish', () => {
  it("plans the publish's month and the index as a full plan does, with the other months where the last plan left them", async () => {
    const before = await build(ARCHIVE);
    const after = await build(PUBLISHED);
    const last = (await render(before)).months;
    expect([...last.months.keys()]).toEqual(['2026-09', '2026-10', '2026-11']);
    const update = { months: new Set(['2026-11']), last, lastPages: before.generated.site.pages };
    const patched = await render(after, update);
    const full = await render(after, { months: new Set(['2026-11']) });
    expect(patched.files).toEqual(full.files);
    expect(patched.all).toEqual(full.all);
    expect(patched.files.map((file) => file.path)).toEqual([
      'sitemap.xml',
      'sitemap-pages.xml',
      'sitemap-2026-11.xml',
      'sitemap-news-1.xml',
    ]);
    expect(String(patched.files[2]?.contents)).toContain('/ekonomi/baru/');
  });

  it('takes the other months from the last plan only when it was made for the pages the publish started from', async () => {
    const before = await build(ARCHIVE);
    const after = await build(PUBLISHED);
    const last = (await render(before)).months;
    // A made-up `lastmod` for September shows where the index took that month from.
    const marked = new Map(last.months);
    marked.set('2026-09', [{ path: 'sitemap-2026-09.xml', lastmod: { iso: '2000-01-01T00:00:00Z', time: 0 } }]);
    const memo = { ...last, months: marked };
    const index = async (update: SitemapUpdate) => String((await render(after, update)).files[0]?.contents);
    const months = new Set(['2026-11']);
    expect(await index({ months, last: memo, lastPages: before.generated.site.pages })).toContain('2000-01-01');
    expect(await index({ months, last: memo, lastPages: after.generated.site.pages })).not.toContain('2000-01-01');
    expect(await index({ months, last: { ...memo, now: 0 }, lastPages: before.generated.site.pages })).not.toContain(
      '2000-01-01',
    );
  });

  it('drops the month of a removed article when no other article of it is left', async () => {
    const before = await build(ARCHIVE);
    const { 'nasional/september.md': _, ...rest } = ARCHIVE;
    const after = await build(rest);
    const last = (await render(before)).months;
    const update = { months: new Set(['2026-09']), last, lastPages: before.generated.site.pages };
    const patched = await render(after, update);
    expect(patched.all).toEqual((await render(after)).all);
    expect(patched.all).not.toContain('sitemap-2026-09.xml');
    expect(patched.files).toEqual((await render(after, { months: new Set(['2026-09']) })).files);
  });
});
