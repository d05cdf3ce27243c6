import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { type BuildSession, createBuildSession } from '../../src/pipeline/build-session.js';
import { article, copySiteSources, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

/**
 * Publishing into a photo archive: derived files are kept and compared a
 * photo at a time (see `DerivedGroups`), so these builds check that a
 * publish, a deletion and a photo shared by bytes write and delete exactly
 * the files a cold build would leave, from the CLI (the state read from the
 * cache) and in one long-lived session (serve's partial plans).
 */

const NOW = '2026-11-20T12:00:00+07:00';
const CONFIG = JSON.stringify({
  title: 'Warta Foto',
  baseUrl: 'https://foto.example/',
  images: { widths: [160, 320], cardWidths: [120] },
});

/** A 640 × 360 JPEG of one flat colour: each shade is other bytes. */
function shade(red: number): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 360, channels: 3, background: { r: red, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();
}

const photos: Record<string, Buffer> = {};
beforeAll(async () => {
  for (const [name, red] of [
    ['satu', 10],
    ['dua', 80],
    ['tiga', 150],
    ['baru', 220],
  ] as const)
    photos[name] = await shade(red);
});

function lead(name: string, date: string, photo: string): string {
  return article({ title: `Berita ${name}`, date, image: `{ src: /images/${photo}.jpg, alt: Foto ${name} }` });
}

function photoSite(): string {
  return createFixtureSite({
    'newsgen.config.json': CONFIG,
    'content/ekonomi/satu.md': lead('satu', '2026-11-01 09:00', 'satu'),
    'content/ekonomi/dua.md': lead('dua', '2026-11-02 09:00', 'dua'),
    'content/nasional/tiga.md': lead('tiga', '2026-11-03 09:00', 'tiga'),
    'static/images/satu.jpg': photos['satu'] as Buffer,
    'static/images/dua.jpg': photos['dua'] as Buffer,
    'static/images/tiga.jpg': photos['tiga'] as Buffer,
  });
}

/** The steps of a newsroom's day, each with what it must write and delete among the derived files. */
function steps(dir: string) {
  const write = (file: string, contents: string | Buffer) => writeFileSync(path.join(dir, file), contents);
  return [
    {
      label: 'a newest article with a new photo',
      run: () => {
        write('static/images/baru.jpg', photos['baru'] as Buffer);
        write('content/nasional/baru.md', lead('baru', '2026-11-04 09:00', 'baru'));
      },
      written: /^_images\/baru-/,
      deleted: undefined,
    },
    {
      // The same bytes as satu.jpg under another name: its own files, satu's untouched.
      label: 'an article showing a copy of an older photo',
      run: () => {
        write('static/images/salinan.jpg', photos['satu'] as Buffer);
        write('content/ekonomi/salinan.md', lead('salinan', '2026-10-01 09:00', 'salinan'));
      },
      written: /^_images\/salinan-/,
      deleted: undefined,
    },
    {
      label: 'the copy deleted',
      run: () => rmSync(path.join(dir, 'content/ekonomi/salinan.md')),
      written: undefined,
      deleted: /^_images\/salinan-/,
    },
    {
      label: 'the newest article deleted',
      run: () => rmSync(path.join(dir, 'content/nasional/baru.md')),
      written: undefined,
      deleted: /^_images\/baru-/,
    },
  ];
}

/** A cold build (no cache) of a copy of the site. */
async function coldCopy(dir: string): Promise<Map<string, string>> {
  const fresh = copySiteSources(dir, 'photos-cold');
  const run = await runMain(fresh, ['build', '--now', NOW, '--no-cache', '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  return snapshotTree(path.join(fresh, 'dist'));
}

/** The derived files among the written or deleted paths. */
const derived = (paths: readonly string[]) => paths.filter((file) => file.startsWith('_images/'));

function expectChanges(
  step: ReturnType<typeof steps>[number],
  changes: { written: readonly string[]; deleted: readonly string[] },
): void {
  const written = derived(changes.written);
  const deleted = derived(changes.deleted);
  if (step.written) {
    expect(written.length, step.label).toBeGreaterThan(3);
    expect(
      written.filter((file) => !step.written.test(file)),
      step.label,
    ).toEqual([]);
  } else expect(written, step.label).toEqual([]);
  if (step.deleted) {
    expect(deleted.length, step.label).toBeGreaterThan(3);
    expect(
      deleted.filter((file) => !step.deleted.test(file)),
      step.label,
    ).toEqual([]);
  } else expect(deleted, step.label).toEqual([]);
}

describe('publishing into a photo archive', { timeout: 60_000 }, () => {
  test('from the CLI: each build writes and deletes only the changed photos’ files, and equals a cold build', async () => {
    const dir = photoSite();
    const changesFile = path.join(dir, 'changes.json');
    const build = async () => {
      const run = await runMain(dir, ['build', '--now', NOW, '--quiet', '--changes', changesFile]);
      expect(run.code, run.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(changesFile, 'utf8')) as Record<
        'written' | 'deleted',
        { path: string }[]
      >;
      return { written: manifest.written.map((file) => file.path), deleted: manifest.deleted.map((file) => file.path) };
    };
    const cold = await build();
    // A cold build's manifest lists every derived file it published.
    expect(derived(cold.written).length).toBeGreaterThan(3 * 4);
    for (const file of derived(cold.written)) expect(existsSync(path.join(dir, 'dist', file))).toBe(true);
    for (const step of steps(dir)) {
      step.run();
      expectChanges(step, await build());
      expect(snapshotTree(path.join(dir, 'dist')), step.label).toEqual(await coldCopy(dir));
    }
  });

  test('a static file at a kept derived file’s path is a collision: the build fails and the output stays', async () => {
    const dir = photoSite();
    expect((await runMain(dir, ['build', '--now', NOW, '--quiet'])).code).toBe(0);
    const [kept] = readdirSync(path.join(dir, 'dist/_images'));
    mkdirSync(path.join(dir, 'static/_images'));
    writeFileSync(path.join(dir, 'static/_images', kept as string), 'not a picture');
    const before = snapshotTree(path.join(dir, 'dist'));
    const run = await runMain(dir, ['build', '--now', NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Static file _images/${kept} collides with a generated page`);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  test('in one session, as newsgen serve builds: the same files written and deleted, and the same output', async () => {
    const dir = photoSite();
    const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW }, new Date());
    const session: BuildSession = await createBuildSession(config, {
      logger: createLogger({ level: 'silent' }),
      version: 'test',
      cacheDir: path.join(dir, 'cache'),
      concurrency: 0,
    });
    try {
      await session.build();
      for (const step of steps(dir)) {
        step.run();
        expectChanges(step, await session.build());
        expect(snapshotTree(path.join(dir, 'dist')), step.label).toEqual(await coldCopy(dir));
      }
    } finally {
      await session.close();
    }
  });
});
