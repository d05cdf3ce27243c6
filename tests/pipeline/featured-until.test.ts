import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildAt, coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const CONFIG = JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', perPage: 3 });

/** A site whose older Ekonomi story leads the home page and its section until 2016-11-10 00:00 UTC. */
function createLeadSite(): string {
  return createFixtureSite({
    'newsgen.config.json': CONFIG,
    'content/ekonomi/lead.md': article({
      title: 'Banjir bandang',
      date: '2016-11-02 10:00',
      featured: 'true',
      featuredUntil: '2016-11-10 00:00',
    }),
    'content/ekonomi/newer.md': article({ title: 'Harga cabai naik', date: '2016-11-05 10:00' }),
    'content/nasional/other.md': article({ title: 'Kereta baru', date: '2016-11-04 10:00' }),
  });
}

/** The home page and the Ekonomi front page as text. */
function leadPages(files: ReadonlyMap<string, string>): string[] {
  return ['index.html', 'ekonomi/index.html'].map((file) => Buffer.from(files.get(file) ?? '', 'base64').toString());
}

// Regression: the build after `featuredUntil` rebuilt (the cache's "valid until" had passed) but looked at no
// page, since no article had changed, so the home page and the section kept the old lead until some edit.
describe('an article leaving the lead slot at its featuredUntil', () => {
  test('is taken out of the home page and its section by the next build, with no file changed (a cron build)', async () => {
    const site = createLeadSite();
    await buildAt(site, '2016-11-09T12:00:00Z');
    expect(leadPages(snapshotTree(path.join(site, 'dist')))[0]).toMatch(/card-title"><a href="\/ekonomi\/lead\/"/);
    await buildAt(site, '2016-11-10T01:00:00Z');
    const warm = snapshotTree(path.join(site, 'dist'));
    const cold = await coldSnapshotAt(site, '2016-11-10T01:00:00Z');
    expect(leadPages(warm)).toEqual(leadPages(cold));
    expect(leadPages(warm)[0]).toMatch(/card-title"><a href="\/ekonomi\/newer\/"/);
    expect(warm).toEqual(cold);
  });

  test('is taken out of its section when the next build also publishes an article elsewhere', async () => {
    const site = createLeadSite();
    await buildAt(site, '2016-11-09T12:00:00Z');
    writeFileSync(
      path.join(site, 'content/nasional/published.md'),
      article({ title: 'Pasar malam', date: '2016-11-10 00:30' }),
    );
    await buildAt(site, '2016-11-10T01:00:00Z');
    const warm = snapshotTree(path.join(site, 'dist'));
    const cold = await coldSnapshotAt(site, '2016-11-10T01:00:00Z');
    expect(leadPages(warm)).toEqual(leadPages(cold));
    expect(warm).toEqual(cold);
  });
});
