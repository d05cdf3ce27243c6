import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { BuildSession } from '../../src/pipeline/build-session.js';
import { coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { createMemorySession } from '../helpers/memory-session.js';

const CONFIG = JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', perPage: 3 });
const STARTED = '2016-11-10T09:00:00Z';

const sessions: BuildSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

/** A site of two articles and a session over it, opened at `STARTED`, as `newsgen serve` opens one. */
async function openSession(files: Record<string, string> = {}) {
  const site = createFixtureSite({
    'newsgen.config.json': CONFIG,
    'content/ekonomi/a.md': article({ title: 'Harga cabai naik', date: '2016-11-09 10:00' }),
    'content/nasional/b.md': article({ title: 'Banjir di pesisir', date: '2016-11-09 12:00' }),
    ...files,
  });
  const { config } = await resolveConfig(site, await loadConfig(site, undefined), {}, new Date(STARTED));
  const session = createMemorySession(config);
  sessions.push(session);
  await session.build();
  return { site, session };
}

// Regression: a preview froze its clock when it started, so an article written later with the time it was
// written (`newsgen new` dates it this minute) counted as scheduled and never showed, without a word.
describe('a session built as of the wall clock', () => {
  test('publishes an article dated after the session started, as a cold build at that time does', async () => {
    const { site, session } = await openSession();
    const file = path.join(site, 'content/nasional/baru.md');
    writeFileSync(file, article({ title: 'Kereta baru', date: '2016-11-10 11:00' }));
    await session.build({ changed: [file], removed: [], static: false }, { now: new Date('2016-11-10T11:05:00Z') });
    expect(snapshotTree(path.join(site, 'dist')).has('nasional/baru/index.html')).toBe(true);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(await coldSnapshotAt(site, '2016-11-10T11:05:00Z'));
  });

  test('publishes a scheduled article whose time has come at the next edit, and patches no stale model', async () => {
    const later = 'content/ekonomi/later.md';
    const { site, session } = await openSession({
      [later]: article({ title: 'Pajak daerah', date: '2016-11-10 12:00' }),
    });
    expect(snapshotTree(path.join(site, 'dist')).has('ekonomi/later/index.html')).toBe(false);
    // A title edit keeps the site's structure: without the clock, the last model would be patched in place.
    const file = path.join(site, 'content/ekonomi/a.md');
    writeFileSync(file, article({ title: 'Harga cabai turun', date: '2016-11-09 10:00' }));
    await session.build({ changed: [file], removed: [], static: false }, { now: new Date('2016-11-10T12:30:00Z') });
    expect(snapshotTree(path.join(site, 'dist')).has('ekonomi/later/index.html')).toBe(true);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(await coldSnapshotAt(site, '2016-11-10T12:30:00Z'));
  });
});
