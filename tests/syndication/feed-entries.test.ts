import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/output/output-file.js';
import { planFeeds } from '../../src/syndication/create-feeds.js';
import { createSessionFeedEntries, type FeedEntryMemo } from '../../src/syndication/feed-entry-memo.js';
import type { FeedEntry } from '../../src/syndication/feed-model.js';
import { articleSource, type BuiltSite, buildInMemory } from './build-in-memory.js';
import { IMAGE_SIZES, NOW, SITE_CONFIG, SITE_CONTENT } from './site-fixture.js';

const build = (content: Record<string, string>) =>
  buildInMemory(SITE_CONFIG, content, { inline: { now: NOW }, imageSizes: IMAGE_SIZES });

/** Every feed file of a site, planned with `memo` when given. */
async function renderFeeds(site: BuiltSite, memo?: FeedEntryMemo): Promise<OutputFile[]> {
  const { generated, config } = site;
  const groups = planFeeds(
    generated.site,
    config,
    IMAGE_SIZES,
    generated.bodies,
    undefined,
    undefined,
    undefined,
    memo,
  );
  const files: OutputFile[] = [];
  for (const group of groups) files.push(...(await group.render()));
  return files;
}

/** A memo that counts the entries it gave back and those it was given. */
function countingMemo(memo: FeedEntryMemo) {
  const counts = { found: 0, written: 0 };
  const counting: FeedEntryMemo = {
    get(description) {
      const entry = memo.get(description);
      if (entry) counts.found += 1;
      return entry;
    },
    set(description, entry) {
      counts.written += 1;
      memo.set(description, entry);
    },
  };
  return { memo: counting, counts };
}

const PUBLISHED = {
  'ekonomi/baru.md': articleSource(
    { title: 'Beras impor tiba', date: '2026-11-26 20:00', author: 'Bagus Pratama', tags: '[Harga Pangan]' },
    'Kapal pertama **bersandar** pagi ini.\n',
  ),
};

describe('feed entries kept between builds', () => {
  it('write only the new article after a publish, and the same feeds as a build that keeps none', async () => {
    const session = createSessionFeedEntries();
    const before = countingMemo(session.forBuild('settings'));
    await renderFeeds(await build(SITE_CONTENT), before.memo);
    expect(before.counts).toEqual({ found: 0, written: 2 });

    const published = await build({ ...SITE_CONTENT, ...PUBLISHED });
    const after = countingMemo(session.forBuild('settings'));
    const files = await renderFeeds(published, after.memo);
    expect(after.counts.written).toBe(1);
    expect(after.counts.found).toBeGreaterThan(0);
    expect(files).toEqual(await renderFeeds(published));
    expect(files.find((file) => file.path === 'feed.xml')?.contents).toContain('Beras impor tiba');
  });

  it('write an article again once its body or title changed, never the entry it had', async () => {
    const session = createSessionFeedEntries();
    await renderFeeds(await build(SITE_CONTENT), session.forBuild('settings'));
    const edited = await build({
      ...SITE_CONTENT,
      'ekonomi/lama.md': (SITE_CONTENT['ekonomi/lama.md'] as string)
        .replace('Ekspor kopi naik', 'Ekspor kopi naik tajam')
        .replace('Isi berita.', 'Isi berita yang diperbarui.'),
    });
    const after = countingMemo(session.forBuild('settings'));
    const files = await renderFeeds(edited, after.memo);
    expect(after.counts).toEqual({ found: 1, written: 1 });
    expect(files).toEqual(await renderFeeds(edited));
    const rss = String(files.find((file) => file.path === 'feed.xml')?.contents);
    expect(rss).toContain('Ekspor kopi naik tajam');
    expect(rss).toContain('Isi berita yang diperbarui.');
  });

  it('write an article again once its kind changed, as its title and categories do', async () => {
    const session = createSessionFeedEntries();
    await renderFeeds(await build(SITE_CONTENT), session.forBuild('settings'));
    const paid = await build({
      ...SITE_CONTENT,
      'ekonomi/lama.md': (SITE_CONTENT['ekonomi/lama.md'] as string).replace('---\n\n', 'kind: sponsored\n---\n\n'),
    });
    const files = await renderFeeds(paid, session.forBuild('settings'));
    expect(files).toEqual(await renderFeeds(paid));
    expect(String(files.find((file) => file.path === 'feed.xml')?.contents)).toContain(
      '<title>Advertorial: Ekspor kopi naik</title>',
    );
  });
});

describe('createSessionFeedEntries', () => {
  const entry = { modified: { iso: '', time: 0 }, rss: { written: '' }, atom: { written: '' }, json: {} } as FeedEntry;

  it('keeps an entry while the settings hold and some build reads it, and drops it otherwise', () => {
    const session = createSessionFeedEntries();
    session.forBuild('a').set('x', entry);
    expect(session.forBuild('a').get('x')).toBe(entry);
    expect(session.forBuild('a').get('x')).toBe(entry);
    // Two builds that do not read it: gone.
    session.forBuild('a');
    session.forBuild('a');
    expect(session.forBuild('a').get('x')).toBeUndefined();
    session.forBuild('a').set('y', entry);
    expect(session.forBuild('b').get('y')).toBeUndefined();
  });
});
