import { rmSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { archiveSite, closeSessions, expectCold, openSession, write } from '../helpers/publish-session.js';

afterEach(closeSessions);

/** A newest article in a section, with a tag and an author the archive site has: a publish the session patches. */
const NEWEST = { title: '"Terbit"', date: '2016-11-29 08:00', tags: '[Pasar 1]', author: 'Budi' };

/** An older article of the archive site given old addresses, as a site moved from WordPress has. */
function addOldAddresses(dir: string, aliases: string): string {
  return write(dir, 'nasional/berita-1.md', {
    title: '"Berita 1"',
    date: '2016-10-02 07:00',
    tags: '[Pasar 1]',
    author: 'Budi',
    aliases,
  });
}

describe('a serve session publishing into a site with old addresses (issue 19)', { timeout: 120_000 }, () => {
  test('patches the model for a publish and its removal, and writes what cold builds write, redirect pages included', async () => {
    const dir = archiveSite();
    addOldAddresses(dir, '[/lama/berita-1/, /arsip/2016/berita-1.html]');
    const session = await openSession(dir);
    const added = write(dir, 'ekonomi/terbit.md', NEWEST);
    expect(await session.build({ changed: [added] })).toBe(true);
    await expectCold(dir);
    rmSync(added);
    expect(await session.build({ removed: [added] })).toBe(true);
    await expectCold(dir);
  });

  test('builds the model again when a page comes or goes beside a redirect page, or with old addresses of its own', async () => {
    const dir = archiveSite();
    // A disk that ignores case holds this redirect page and the article published below as one file.
    addOldAddresses(dir, '[/Ekonomi/Akan-Terbit/]');
    const session = await openSession(dir);
    // The same article as above but for its address: only the redirect page stops the patch.
    const beside = write(dir, 'ekonomi/akan-terbit.md', NEWEST);
    expect(await session.build({ changed: [beside] })).toBe(false);
    await expectCold(dir);
    rmSync(beside);
    expect(await session.build({ removed: [beside] })).toBe(false);
    await expectCold(dir);
    // The newest article with an old address: published (never patched), then removed, taking its redirect away.
    const own = write(dir, 'ekonomi/pindahan.md', { ...NEWEST, aliases: '[/lama/pindahan/]' });
    expect(await session.build({ changed: [own] })).toBe(false);
    await expectCold(dir);
    rmSync(own);
    expect(await session.build({ removed: [own] })).toBe(false);
    await expectCold(dir);
  });
});
