import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { type BuildSession, createBuildSession } from '../../src/pipeline/build-session.js';
import { coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const sessions: BuildSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

/** A live blog covering until 18:00 WIB on 7 December 2026, and a later story in its section. */
function createSite(): string {
  return createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Warta',
      baseUrl: 'https://warta.example/',
      locale: 'id-ID',
      timeZone: 'Asia/Jakarta',
    }),
    'content/nasional/banjir.md': article(
      { title: 'Banjir Kaligawe', date: '2026-12-07 06:00', live: 'true', liveUntil: '2026-12-07 18:00' },
      ':::update{time="2026-12-07 10:46"}\nAir mulai surut.\n:::\n',
    ),
    'content/nasional/tanggul.md': article({ title: 'Tanggul jebol', date: '2026-12-07 09:00' }),
  });
}

function liveMarkers(files: ReadonlyMap<string, string>): string[] {
  return [...files]
    .filter(([file]) => file.endsWith('.html'))
    .filter(([, base64]) => parseHTML(Buffer.from(base64, 'base64').toString()).document.querySelector('.live-badge'))
    .map(([file]) => file)
    .sort();
}

describe('a live blog in newsgen serve', () => {
  test('loses its marker on its page and every card when the preview rebuilds at liveUntil with no file saved, as a cold build', async () => {
    const site = createSite();
    const { config } = await resolveConfig(site, await loadConfig(site, undefined), {}, new Date());
    // As `newsgen serve` keeps it: in memory, each build at the clock the watcher gives it.
    const session = createBuildSession(config, {
      logger: createLogger({ level: 'silent' }),
      version: 'test',
      cacheDir: undefined,
      concurrency: 0,
    });
    sessions.push(session);
    await session.build(undefined, { now: new Date('2026-12-07T12:00:00+07:00') });
    const out = path.join(site, 'dist');
    expect(liveMarkers(snapshotTree(out))).toEqual(
      expect.arrayContaining(['index.html', 'nasional/banjir/index.html', 'nasional/index.html', '2026/12/index.html']),
    );
    // The alarm at liveUntil rebuilds with a fresh listing and no change.
    const after = '2026-12-07T18:01:00+07:00';
    await session.build(undefined, { now: new Date(after) });
    const warm = snapshotTree(out);
    expect(liveMarkers(warm)).toEqual([]);
    expect(warm).toEqual(await coldSnapshotAt(site, after));
  });
});
