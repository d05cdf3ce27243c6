import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { createBuildSession, type SessionBuildResult } from '../../src/pipeline/build-session.js';
import { article, copySiteSources, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

/**
 * A change to the static folder (a new article's photo, a replaced photo, a
 * PDF) renders again only the pages that show what changed: pages read of
 * the static folder only the sizes and pictures of the images they show,
 * which their fingerprints hold. Each build is a fresh session with the
 * cache, as `newsgen build` runs, and must equal a cold build.
 */

const NOW = '2026-11-20T12:00:00+07:00';
const OLDER = 12;

function jpeg(width: number, height: number, red: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: red, g: 120, b: 60 } } })
    .jpeg()
    .toBuffer();
}

let photo: Buffer;
let otherBytes: Buffer;
let otherSize: Buffer;
beforeAll(async () => {
  photo = await jpeg(400, 300, 20);
  otherBytes = await jpeg(400, 300, 200);
  otherSize = await jpeg(480, 270, 20);
});

function lead(index: number, day: number): string {
  return article({
    title: `Berita ${index}`,
    date: `2026-10-${String(day).padStart(2, '0')} 09:00`,
    tags: `[tag-${index % 3}]`,
    image: `{ src: /images/foto-${index}.jpg, alt: Foto ${index} }`,
  });
}

function site(images: boolean): string {
  const files: Record<string, string | Buffer> = {
    'newsgen.config.json': JSON.stringify({
      title: 'Warta Statis',
      baseUrl: 'https://statis.example/',
      images: images ? { widths: [160], cardWidths: [120] } : false,
      publisher: { name: 'Warta Statis', logo: '/images/logo.jpg' },
    }),
    'content/authors/riandanu.md': '---\nname: Riandanu\navatar: /images/riandanu.jpg\n---\nRedaktur.\n',
    'content/pages/redaksi.md':
      '---\ntitle: Redaksi\nimage: { src: /images/kantor.jpg, alt: Kantor }\n---\nAlamat redaksi.\n',
    'static/images/kantor.jpg': photo,
    'static/images/logo.jpg': photo,
    'static/images/riandanu.jpg': photo,
  };
  for (let index = 0; index < OLDER; index++) {
    files[`content/${index % 2 ? 'ekonomi' : 'nasional'}/berita-${index}.md`] = lead(index, index + 1);
    files[`static/images/foto-${index}.jpg`] = photo;
  }
  return createFixtureSite(files);
}

/** One build as `newsgen build` runs it, with how many of its pages it looked at (`--verbose`'s plan line). */
async function build(dir: string, cache = true): Promise<SessionBuildResult & { looked: number; pages: number }> {
  const log: string[] = [];
  const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW }, new Date());
  const session = createBuildSession(config, {
    logger: createLogger({ level: 'debug', stream: { write: (text: string) => log.push(text) } as never }),
    version: 'test',
    cacheDir: cache ? path.join(dir, 'cache') : undefined,
    concurrency: 0,
  });
  try {
    const result = await session.build();
    const plan = log.map((line) => /^plan +(\d+) of (\d+) pages/.exec(line)).find(Boolean);
    return { ...result, looked: Number(plan?.[1] ?? -1), pages: Number(plan?.[2] ?? -1) };
  } finally {
    await session.close();
  }
}

async function coldCopy(dir: string): Promise<Map<string, string>> {
  const fresh = copySiteSources(dir, 'static-cold');
  await build(fresh, false);
  return snapshotTree(path.join(fresh, 'dist'));
}

/** A day's static changes, each with how many pages a build may look at (`all`: the whole site). */
interface Step {
  readonly label: string;
  readonly run: () => void;
  readonly most: number | 'all';
  readonly least?: number | 'all';
  readonly only?: readonly string[];
}

function steps(dir: string, images: boolean, pages: number): Step[] {
  return [
    {
      label: 'a newest article with its own photo',
      run: () => {
        writeFileSync(path.join(dir, 'static/images/foto-baru.jpg'), otherBytes);
        writeFileSync(
          path.join(dir, 'content/nasional/baru.md'),
          article({ title: 'Baru', date: '2026-11-19 09:00', image: '{ src: /images/foto-baru.jpg, alt: Baru }' }),
        );
      },
      // Its page and the listings it joins: not the older articles' pages.
      most: Math.floor(pages / 2),
      least: 1,
    },
    {
      // Linked as written, a page prints the photo's path and size, which stay: no page changes. A picture
      // changes with the bytes: the pages from that article's on are looked at (see `isSettled`).
      label: 'an older photo replaced by one of the same size',
      run: () => writeFileSync(path.join(dir, 'static/images/foto-3.jpg'), otherBytes),
      most: images ? 'all' : 0,
      least: images ? 1 : 0,
    },
    {
      label: 'an older photo replaced by one of another size',
      run: () => writeFileSync(path.join(dir, 'static/images/foto-5.jpg'), otherSize),
      most: 'all',
      least: 1,
    },
    {
      // On every page (the header, the publisher in structured data): every page is looked at.
      label: 'the logo replaced by one of another size',
      run: () => writeFileSync(path.join(dir, 'static/images/logo.jpg'), otherSize),
      most: 'all',
      least: 'all',
    },
    {
      label: 'the avatar replaced by one of another size',
      run: () => writeFileSync(path.join(dir, 'static/images/riandanu.jpg'), otherSize),
      most: 'all',
      least: 1,
    },
    {
      label: 'a standalone page’s photo replaced by one of another size',
      run: () => writeFileSync(path.join(dir, 'static/images/kantor.jpg'), otherSize),
      most: 'all',
      least: 1,
    },
    {
      label: 'a PDF added',
      run: () => {
        mkdirSync(path.join(dir, 'static/files'));
        writeFileSync(path.join(dir, 'static/files/laporan.pdf'), '%PDF-1.4\n');
      },
      most: 0,
      only: ['files/laporan.pdf'],
    },
    {
      label: 'the newest article and its photo removed',
      run: () => {
        rmSync(path.join(dir, 'content/nasional/baru.md'));
        rmSync(path.join(dir, 'static/images/foto-baru.jpg'));
      },
      most: Math.floor(pages / 2),
    },
  ];
}

describe.each([
  ['images linked as written', false],
  ['the image pipeline on', true],
])('static changes with %s', (_label, images) => {
  test('a new article with its own photo, a replaced photo, a resized one and a PDF look at the pages showing them only, and equal cold builds', {
    timeout: 60_000,
  }, async () => {
    const dir = site(images);
    const cold = await build(dir);
    expect(cold.looked).toBe(cold.pages);
    for (const step of steps(dir, images, cold.pages)) {
      step.run();
      const result = await build(dir);
      const count = (bound: number | 'all') => (bound === 'all' ? result.pages : bound);
      expect(result.looked, step.label).toBeLessThanOrEqual(count(step.most));
      expect(result.looked, step.label).toBeGreaterThanOrEqual(count(step.least ?? 0));
      if (step.only) expect(result.written, step.label).toEqual(step.only);
      expect(snapshotTree(path.join(dir, 'dist')), step.label).toEqual(await coldCopy(dir));
    }
  });

  test('the same changes in one session, as newsgen serve builds them, equal cold builds', {
    timeout: 60_000,
  }, async () => {
    const dir = site(images);
    const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW }, new Date());
    const session = createBuildSession(config, {
      logger: createLogger({ level: 'silent' }),
      version: 'test',
      cacheDir: path.join(dir, 'cache'),
      concurrency: 0,
    });
    try {
      const first = await session.build();
      for (const step of steps(dir, images, first.pages)) {
        step.run();
        const result = await session.build();
        if (step.only) expect(result.written, step.label).toEqual(step.only);
        expect(snapshotTree(path.join(dir, 'dist')), step.label).toEqual(await coldCopy(dir));
      }
    } finally {
      await session.close();
    }
  });
});

test('with a plugin that adds template helpers (which may read any file), a static change looks at every page', {
  timeout: 60_000,
}, async () => {
  const dir = site(false);
  rmSync(path.join(dir, 'newsgen.config.json'));
  writeFileSync(
    path.join(dir, 'newsgen.config.mjs'),
    `export default {
  title: 'Warta Statis',
  baseUrl: 'https://statis.example/',
  images: false,
  plugins: [{ name: 'berkas', helpers: { berkas: () => '' } }],
};
`,
  );
  await build(dir);
  mkdirSync(path.join(dir, 'static/files'));
  writeFileSync(path.join(dir, 'static/files/laporan.pdf'), '%PDF-1.4\n');
  const result = await build(dir);
  expect(result.looked).toBe(result.pages);
  expect(result.written).toEqual(['files/laporan.pdf']);
});
