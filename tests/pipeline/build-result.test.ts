import { rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { build } from '../../src/pipeline/build.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function buildSite(dir: string) {
  const { config } = await resolveConfig(
    dir,
    await loadConfig(dir, undefined),
    { now: '2016-09-10T00:00:00Z' },
    new Date(),
  );
  return build(config, { logger: createLogger({ level: 'silent' }), concurrency: 0 });
}

describe('the result of a build', () => {
  test('lists the files written and deleted, sorted, and times every stage in order', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun' }),
      'content/ekonomi/beras.md': article({ title: 'Harga beras naik', date: '2016-09-08 09:00' }),
    });
    dirs.push(dir);
    const first = await buildSite(dir);
    expect(first.upToDate).toBe(false);
    expect(first.written).toContain('ekonomi/cabai/index.html');
    expect(first.written).toEqual([...first.written].sort());
    expect(first.timings.map((timing) => timing.stage)).toEqual([
      'inputs',
      'process',
      'model',
      'images',
      'render',
      'write',
      'save',
    ]);
    expect(first.timings.every((timing) => Number.isFinite(timing.ms))).toBe(true);

    unlinkSync(path.join(dir, 'content/ekonomi/beras.md'));
    const second = await buildSite(dir);
    expect(second.deleted).toEqual(['ekonomi/beras/index.html']);

    const third = await buildSite(dir);
    expect(third).toMatchObject({ upToDate: true, written: [], deleted: [] });
    expect(third.timings.map((timing) => timing.stage)).toEqual(['inputs']);
  });

  test('gives the warnings in their total order, whichever stage found them', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      // Found while modelling the site, after every file's own checks.
      'content/ekonomi/anggaran.md': article({ title: 'Anggaran daerah' }, 'Lihat [laporan](/tidak-ada/).\n'),
      // Found while processing the file.
      'content/ekonomi/zakat.md': article({ title: 'Zakat', subtitel: 'salah ketik' }),
    });
    dirs.push(dir);
    const { warnings } = await buildSite(dir);
    expect(warnings.map((warning) => [warning.file, warning.ruleId])).toEqual([
      ['content/ekonomi/anggaran.md', 'link-broken'],
      ['content/ekonomi/zakat.md', 'front-matter-unknown-key'],
    ]);
  });

  test('prints the warnings only to a logger that shows them, and returns them either way', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/ekonomi/anggaran.md': article({ title: 'Anggaran daerah' }, 'Lihat [laporan](/tidak-ada/).\n'),
    });
    dirs.push(dir);
    const { config } = await resolveConfig(
      dir,
      await loadConfig(dir, undefined),
      { now: '2016-09-10T00:00:00Z' },
      new Date(),
    );
    const printed: string[] = [];
    const logger = (shows: boolean) => ({
      debug: () => {},
      info: () => {},
      warn: (message: string) => void printed.push(message),
      error: () => {},
      shows: (level: string) => level === 'error' || shows,
    });
    const quiet = await build(config, { logger: logger(false), concurrency: 0, cache: false });
    expect(printed).toEqual([]);
    expect(quiet.warnings.map((warning) => warning.ruleId)).toEqual(['link-broken']);
    const loud = await build(config, { logger: logger(true), concurrency: 0, cache: false });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('content/ekonomi/anggaran.md');
    expect(loud.warnings).toEqual(quiet.warnings);
  });

  test('refuses a concurrency the CLI would refuse, as a usage error, before building anything', async () => {
    const dir = createFixtureSite({ 'content/ekonomi/a.md': article() });
    dirs.push(dir);
    const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), {}, new Date());
    for (const concurrency of [1.5, -1, 1000])
      await expect(build(config, { logger: createLogger({ level: 'silent' }), concurrency })).rejects.toMatchObject({
        code: 'usage',
        exitCode: 2,
      });
  });
});
