import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { createBuildSession, type SessionBuildResult } from '../../src/pipeline/build-session.js';
import { article, copySiteSources, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

/**
 * A site's own `static/_redirects` (a Netlify query rule for WordPress's
 * `/?p=123`, which no alias can be) is merged with the rules newsgen writes
 * for aliases: it replaced them, so one hand-written rule lost every alias.
 */

const NOW = '2026-11-20T12:00:00+07:00';
const OWN = '# Tautan pendek WordPress\n/ p=123 /ekonomi/harga-beras/ 301!\n';
const GENERATED = [
  '# Written by newsgen from aliases and the redirects setting.',
  '/arsip/harga-beras/ /ekonomi/harga-beras/ 301',
  '/berita/* /ekonomi/:splat 301',
  '',
].join('\n');

function site(): string {
  return createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Warta Alih',
      baseUrl: 'https://alih.example/',
      redirects: [{ from: '/berita/*', to: '/ekonomi/*' }],
    }),
    'content/ekonomi/harga-beras.md': article({ title: 'Harga beras', aliases: '[/arsip/harga-beras/]' }),
    'static/_redirects': OWN,
  });
}

async function build(dir: string, cache = true): Promise<SessionBuildResult> {
  const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW }, new Date());
  const session = createBuildSession(config, {
    logger: createLogger({ level: 'silent' }),
    version: 'test',
    cacheDir: cache ? path.join(dir, 'cache') : undefined,
    concurrency: 0,
  });
  try {
    return await session.build();
  } finally {
    await session.close();
  }
}

async function coldCopy(dir: string): Promise<Map<string, string>> {
  const fresh = copySiteSources(dir, 'redirects-cold');
  await build(fresh, false);
  return snapshotTree(path.join(fresh, 'dist'));
}

const shadowed = (result: SessionBuildResult) =>
  result.warnings
    .filter((warning) => warning.ruleId === 'redirect-shadowed')
    .map((warning) => `${warning.file}:${warning.place?.line}:${warning.place?.column}`);

describe('static/_redirects', { timeout: 60_000 }, () => {
  test("is written first, then newsgen's rules for aliases and the redirects setting", async () => {
    const dir = site();
    const result = await build(dir);
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toBe(OWN + GENERATED);
    expect(shadowed(result)).toEqual([]);
  });

  test('an edit, a rule hiding an alias (warned at its line) and its removal rewrite the merged file as a cold build does', async () => {
    const dir = site();
    await build(dir);
    const own = path.join(dir, 'static/_redirects');
    writeFileSync(own, `${OWN}\n  /arsip/harga-beras/ /ekonomi/ 302\n/berita/* /ekonomi/:splat`);
    const edited = await build(dir);
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toContain(
      '/berita/* /ekonomi/:splat\n# Written by newsgen',
    );
    // The same rule as newsgen's is no conflict; one leading elsewhere is, named at its line and column.
    expect(shadowed(edited)).toEqual(['static/_redirects:4:3']);
    expect(edited.written).toContain('_redirects');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldCopy(dir));
    // Nothing changed: the warning is still given.
    expect(shadowed(await build(dir))).toEqual(['static/_redirects:4:3']);

    rmSync(own);
    const removed = await build(dir);
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toBe(GENERATED);
    expect(shadowed(removed)).toEqual([]);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldCopy(dir));

    writeFileSync(own, OWN);
    await build(dir);
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toBe(OWN + GENERATED);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldCopy(dir));
  });

  test('edited within one session, as newsgen serve builds, equals a cold build', async () => {
    const dir = site();
    const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW }, new Date());
    const session = createBuildSession(config, {
      logger: createLogger({ level: 'silent' }),
      version: 'test',
      cacheDir: path.join(dir, 'cache'),
      concurrency: 0,
    });
    try {
      await session.build();
      writeFileSync(path.join(dir, 'static/_redirects'), `${OWN}/lama/ /ekonomi/ 301\n`);
      const result = await session.build();
      expect(result.written).toEqual(['_redirects']);
      expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toBe(`${OWN}/lama/ /ekonomi/ 301\n${GENERATED}`);
      expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldCopy(dir));
    } finally {
      await session.close();
    }
  });
});
