import { describe, expect, test } from 'vitest';
import { createMapBodies } from '../../src/bodies/article-bodies.js';
import type { ArticleBodies } from '../../src/content/article.js';
import { resolveStrings } from '../../src/i18n/strings.js';
import { decodePages, encodePages, type OffloadPage, packContents, unpackContents } from '../../src/plan/page-batch.js';
import { createPageRenderer } from '../../src/plan/page-renderer.js';
import { type PageOffload, planOutputsInParallel } from '../../src/plan/plan-in-parallel.js';
import { type PlannedOutput, planOutputs } from '../../src/plan/plan-outputs.js';
import { createRenderer } from '../../src/render/create-renderer.js';
import { positionsOf } from '../../src/site/positions.js';
import type { ArticlePage, Page } from '../../src/site/site.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

/** Forty articles in two sections with shared tags: related blocks and "other news" overlap between pages. */
function content(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < 40; index++) {
    const section = index % 2 === 0 ? 'ekonomi' : 'olahraga';
    const day = String(1 + (index % 28)).padStart(2, '0');
    files[`${section}/berita-${index}.md`] = [
      '---',
      `title: "Berita nomor ${index} — “kutipan” & <tanda>"`,
      `date: 2016-09-${day}T${String(6 + (index % 12)).padStart(2, '0')}:00:00+07:00`,
      `author: "${index % 3 === 0 ? 'Rina Wulandari' : 'Budi Santoso'}"`,
      `section: "${section}"`,
      `tags: ["pasar-${index % 4}", "kota-${index % 5}"]`,
      '---',
      '',
      `Isi berita ${index} dengan **penekanan**, [tautan](https://contoh.id/${index}) dan kata Indonésia.`,
      '',
    ].join('\n');
  }
  return files;
}

async function setUp() {
  const built = await buildInMemory(content());
  const { config } = built;
  const strings = resolveStrings(config.locale, config.strings);
  const renderer = await createRenderer({ themeDir: config.themeDir, templatesDir: undefined, strings });
  const input = {
    site: built.generated.site,
    config,
    renderer,
    staticInfo: {},
    previous: new Map<string, string>(),
    settings: 'settings',
    bodies: built.generated.bodies,
  };
  return { input, renderer };
}

/** Renders offloaded batches the way a worker does: packed, unpacked with its own renderer and article memory, bytes packed back. */
function fakeWorker(input: Awaited<ReturnType<typeof setUp>>): PageOffload & { batches: number; kinds: Set<string> } {
  const { site } = input.input;
  // A render thread's own copy of the site's articles, made once as its start-up data is.
  const articles = structuredClone(site.articles);
  const positions = positionsOf(site.articles);
  const offload = {
    threads: 1,
    batches: 0,
    kinds: new Set<string>(),
    async render(pages: readonly OffloadPage[], bodies: ArticleBodies) {
      offload.batches += 1;
      for (const page of pages) offload.kinds.add(page.kind);
      const batch = structuredClone(encodePages(pages, bodies, positions));
      const render = createPageRenderer({
        config: input.input.config,
        renderer: input.renderer,
        sections: input.input.site.sections,
        menus: input.input.site.menus,
        dataFiles: {},
        imageSizes: new Map(),
        bodies: createMapBodies(new Map(Object.entries(batch.bodies))),
      });
      return unpackContents(packContents(decodePages(batch, articles).map(render)));
    },
  };
  return offload;
}

async function collect(outputs: Iterable<PlannedOutput> | AsyncIterable<PlannedOutput>): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for await (const output of outputs) {
    expect(files.has(output.path), output.path).toBe(false);
    files.set(
      output.path,
      `${output.fingerprint}\n${output.contents === undefined ? '' : typeof output.contents === 'string' ? output.contents : new TextDecoder().decode(output.contents)}`,
    );
  }
  return files;
}

// Timeout: each test builds a forty-article site in memory and renders its pages twice.
describe('rendering pages on other threads', { timeout: 30_000 }, () => {
  test('gives the same outputs, fingerprints and bytes as rendering everything here', async () => {
    const setup = await setUp();
    const { input } = setup;
    const expected = await collect(planOutputs(input));
    const offload = fakeWorker(setup);
    expect(await collect(planOutputsInParallel(input, offload))).toEqual(expected);
    expect(offload.batches).toBeGreaterThan(0);
    // Listings too: on two cores this thread would otherwise render every listing while the other waits.
    expect([...offload.kinds].sort()).toEqual(['article', 'home', 'list']);
  });

  test('keeps a small change on this thread, and unchanged pages unrendered', async () => {
    const setup = await setUp();
    const { input } = setup;
    const previous = new Map<string, string>();
    for await (const output of planOutputs(input)) previous.set(output.path, output.fingerprint);
    const offload = fakeWorker(setup);
    const outputs = [];
    for await (const output of planOutputsInParallel({ ...input, previous }, offload)) outputs.push(output);
    expect(offload.batches).toBe(0);
    expect(outputs.filter((output) => output.contents !== undefined && output.page)).toEqual([]);
  });

  test('a failed batch fails the plan with its error', async () => {
    const { input } = await setUp();
    const failing: PageOffload = { threads: 1, render: () => Promise.reject(new Error('worker failed')) };
    await expect(collect(planOutputsInParallel(input, failing))).rejects.toThrow('worker failed');
  });

  test('packs byte strings into one buffer and back', () => {
    const texts = ['', 'satu', 'dua — “tiga”', 'x'.repeat(70_000)];
    expect(unpackContents(packContents(texts)).map((bytes) => new TextDecoder().decode(bytes))).toEqual(texts);
  });

  test('a batch names articles by their place in the site and carries bodies only for the pages it renders', async () => {
    const { input } = await setUp();
    const positions = positionsOf(input.site.articles);
    const pages = input.site.pages.filter((page): page is ArticlePage => page.kind === 'article').slice(0, 3);
    const batch = encodePages(pages, input.bodies, positions);
    expect(Object.keys(batch.bodies).sort()).toEqual(pages.map((page) => page.article.sourcePath).sort());
    for (const page of pages) expect(batch.bodies[page.article.sourcePath]).toBe(input.bodies.html(page.article));
    // No article travels with a batch: a batch is small whatever its pages show.
    expect(JSON.stringify(batch.pages)).not.toContain(input.site.articles[0]?.title);
    const decoded = decodePages(structuredClone(batch), structuredClone(input.site.articles)) as ArticlePage[];
    const describe = (page: ArticlePage) => [
      page.url,
      page.article.title,
      page.related.map((each) => each.url),
      page.otherNews.map((each) => each.url),
    ];
    expect(decoded.map(describe)).toEqual(pages.map(describe));
  });

  test('a listing travels with no body and comes back the same page', async () => {
    const { input } = await setUp();
    const listings = input.site.pages.filter(
      (page): page is OffloadPage => page.kind === 'home' || page.kind === 'list',
    );
    expect(listings.some((page) => page.kind === 'home')).toBe(true);
    const batch = encodePages(listings, input.bodies, positionsOf(input.site.articles));
    expect(batch.bodies).toEqual({});
    const decoded = decodePages(structuredClone(batch), structuredClone(input.site.articles));
    const plain = (pages: readonly Page[]) => JSON.parse(JSON.stringify(pages));
    expect(plain(decoded)).toEqual(plain(listings));
  });

  test('an article outside the site is refused, not sent as another', async () => {
    const { input } = await setUp();
    const page = input.site.pages.find((each): each is ArticlePage => each.kind === 'article');
    if (!page) throw new Error('no article page');
    expect(() => encodePages([page], input.bodies, new Map())).toThrow(/not one of the site's articles/);
  });
});
