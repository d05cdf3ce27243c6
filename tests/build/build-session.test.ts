import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createBuildSession } from '../../src/build/build-session.js';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';

async function openWatchSession(dir: string) {
  const { config } = resolveConfig(dir, await loadConfig(dir, undefined), { now: '2026-11-27T00:00:00Z' }, new Date());
  return createBuildSession(config, { logger: createLogger({ level: 'silent' }), version: 'test', cacheDir: undefined, concurrency: 0 });
}

describe('a long-lived build session (watch mode)', () => {
  test('an edit to an article body writes only that article page, with the new text', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', locale: 'id-ID', timeZone: 'Asia/Jakarta' }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun', summary: 'Ringkasan tetap.', tags: '[pangan]' }, 'Isi awal.\n'),
      'content/ekonomi/beras.md': article({ title: 'Harga beras naik', summary: 'Ringkasan beras.', tags: '[pangan]', date: '2016-09-08 09:00' }, 'Isi beras.\n'),
    });
    const session = await openWatchSession(dir);
    await session.build();
    const file = path.join(dir, 'content/ekonomi/cabai.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Isi awal.', 'Isi yang sudah diperbarui.'));
    const result = await session.build({ changed: [file] });
    expect(result.written.filter((output) => output.endsWith('.html'))).toEqual(['ekonomi/cabai/index.html']);
    expect(readFileSync(path.join(dir, 'dist/ekonomi/cabai/index.html'), 'utf8')).toContain('Isi yang sudah diperbarui.');
    // The related block on the other article still links it, and the sitemap is untouched.
    expect(readFileSync(path.join(dir, 'dist/ekonomi/beras/index.html'), 'utf8')).toContain('/ekonomi/cabai/');
    expect(result.written).not.toContain('sitemap-pages-1.xml');
    await session.close();
  });

  test('an edit to a title rebuilds the model and updates every listing that shows it', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', locale: 'id-ID', timeZone: 'Asia/Jakarta' }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun', summary: 'Ringkasan.' }),
    });
    const session = await openWatchSession(dir);
    await session.build();
    const file = path.join(dir, 'content/ekonomi/cabai.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Harga cabai turun', 'Harga cabai anjlok'));
    const result = await session.build({ changed: [file] });
    expect(result.written).toEqual(expect.arrayContaining(['index.html', 'ekonomi/index.html', 'ekonomi/cabai/index.html', 'feed.xml']));
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Harga cabai anjlok');
    await session.close();
  });
});
