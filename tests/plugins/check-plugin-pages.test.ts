import { describe, expect, it } from 'vitest';
import type { SitePlugin } from '../../src/config/read-plugins.js';
import { checkPluginPages, findPathProblem } from '../../src/plugins/check-plugin-pages.js';
import { runPagesHooks } from '../../src/plugins/run-pages-hook.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

const { config } = await buildInMemory({
  'ekonomi/kopi.md': '---\ntitle: Kopi\ndate: 2026-11-20 09:00\n---\n\nIsi.\n',
});

/** A plugin with a pages hook only, as `readPlugins` gives it. */
function paging(name: string, pages: NonNullable<SitePlugin['hooks']['pages']>): SitePlugin {
  return {
    identity: { name, version: undefined, fingerprint: name, markdown: undefined, helpers: false },
    markdown: undefined,
    helpers: {},
    partials: undefined,
    strings: {},
    hooks: { pages },
  };
}

describe('checkPluginPages', () => {
  it('keeps valid pages with their front matter fields, params as plain JSON and an empty body by default', () => {
    const { pages, problems } = checkPluginPages([
      { path: '/pilkada/bali/', title: 'Bali', menu: ['main'], params: { suara: 5, kapan: new Date(0) } },
    ]);
    expect(problems).toEqual([]);
    expect(pages).toEqual([
      {
        url: '/pilkada/bali/',
        markdown: '',
        fields: { title: 'Bali', menu: ['main'], params: { suara: 5, kapan: '1970-01-01T00:00:00.000Z' } },
      },
    ]);
  });

  it('keeps an image, old addresses and a draft flag, as a content page’s front matter would hold them', () => {
    const image = { src: '/images/peta.png', alt: 'Peta', caption: 'Peta suara', credit: 'KPU', focus: [0.5, 0.5] };
    const { pages, problems } = checkPluginPages([
      { path: '/a/', title: 'A', image, aliases: ['/lama/a/'], draft: true },
      { path: '/b/', title: 'B', image: 'https://cdn.example/b.jpg', aliases: '/lama/b/', draft: false },
      { path: '/c/', title: 'C', image: 3, aliases: { lama: '/c/' } },
    ]);
    expect(pages.map((page) => page.fields)).toEqual([
      { title: 'A', image, aliases: ['/lama/a/'], draft: true },
      { title: 'B', image: 'https://cdn.example/b.jpg', aliases: '/lama/b/', draft: false },
    ]);
    expect(problems).toEqual([
      {
        reason:
          'Unexpected number 3 for pages[2].image, expected a site path such as /images/peta.png, a URL or an object with a src',
        path: '/c/',
      },
      {
        reason: 'Unexpected object for pages[2].aliases, expected a list of old addresses such as /lama/berita/',
        path: '/c/',
      },
    ]);
  });

  it('describes every wrong field, naming it and the page’s path once that is valid', () => {
    const { pages, problems } = checkPluginPages([
      { path: '/a/', title: '', summary: 3, layout: ['x'], menu: 'side', params: [1], judul: 'x' },
      null,
      { title: 'Tanpa alamat' },
    ]);
    expect(pages).toEqual([]);
    expect(problems).toEqual([
      {
        reason:
          'Unexpected key pages[0].judul, expected one of path, title, markdown, summary, description, layout, menu, updated, image, aliases, draft, params',
        path: '/a/',
      },
      { reason: 'Unexpected number 3 for pages[0].summary, expected text', path: '/a/' },
      { reason: 'Unexpected list for pages[0].layout, expected text', path: '/a/' },
      { reason: "Unexpected empty pages[0].title, expected the page's title", path: '/a/' },
      { reason: 'Unexpected text "side" for pages[0].menu, expected main or footer, or a list of them', path: '/a/' },
      { reason: 'Unexpected list for pages[0].params, expected an object of data for the layout', path: '/a/' },
      { reason: 'Unexpected null at pages[1], expected a page: an object with a path and a title' },
      { reason: 'Missing pages[2].path, expected lower-case slugs between slashes such as /pilkada/jawa-tengah/' },
    ]);
    expect(checkPluginPages({ pages: [] }).problems).toEqual([
      { reason: 'Unexpected object from pages(), expected a list of pages' },
    ]);
  });

  it('refuses a path that could leave the output folder or hides what it says', () => {
    const problem = (path: unknown) => findPathProblem(path)?.replace(/, expected lower-case.*/, '');
    expect(problem('/pilkada/jawa-tengah/')).toBeUndefined();
    expect(problem('/berita/日本語/')).toBeUndefined();
    expect(problem('/pilkada/../../etc/')).toBe(
      'Unexpected path "/pilkada/../../etc/" for {at}: it has a ".." segment, which could leave the output folder',
    );
    expect(problem('/a/%2e%2e/')).toBe('Unexpected path "/a/%2e%2e/" for {at}: "%2e%2e" is not a slug (as "2e-2e" is)');
    expect(problem('/hasil?wilayah=bali/')).toBe(
      'Unexpected path "/hasil?wilayah=bali/" for {at}: it has a query or a fragment',
    );
    expect(problem('/ba\u202eli/')).toBe(
      'Unexpected path "/ba\u202eli/" for {at}: it has \\u202E (RIGHT-TO-LEFT OVERRIDE)',
    );
    expect(problem('/a\nb/')).toBe('Unexpected path "/a\\nb/" for {at}: it has \\u000A (LINE FEED)');
    expect(problem('/Bali/')).toBe('Unexpected path "/Bali/" for {at}: "Bali" is not a slug (as "bali" is)');
    expect(problem('pilkada/bali')).toBe('Unexpected path "pilkada/bali" for {at}');
    expect(problem('/')).toBe('Unexpected path "/" for {at}');
    expect(problem('//a/')).toBe(
      'Unexpected path "//a/" for {at}: it has an empty segment (a doubled or trailing "/")',
    );
    expect(problem(7)).toBe('Unexpected number 7 for {at}');
  });
});

describe('runPagesHooks', () => {
  it('gives the pages in URL order whatever order the hooks return them in, with the same hash', async () => {
    const pages = [
      { path: '/pilkada/jawa-tengah/', title: 'Jawa Tengah' },
      { path: '/pilkada/bali/', title: 'Bali' },
    ];
    const forward = await runPagesHooks([paging('pilkada', () => pages)], config, {});
    const backward = await runPagesHooks([paging('pilkada', async () => [...pages].reverse())], config, {});
    expect(forward.pages.map((page) => page.url)).toEqual(['/pilkada/bali/', '/pilkada/jawa-tengah/']);
    expect(backward).toEqual(forward);
    expect(forward.hash).not.toBe('');
  });

  it('reports invalid pages and a second page at one path as plugin errors at the config file, keeping the rest', async () => {
    const found = await runPagesHooks(
      [
        paging('pilkada', ({ data }) => [
          { path: '/pilkada/bali/', title: String(data['judul']) },
          { path: '/pilkada/bali/', title: 'Lagi' },
          { path: '/pilkada/x/', title: 5 } as never,
        ]),
      ],
      config,
      { judul: 'Bali' },
    );
    expect(found.pages).toMatchObject([{ plugin: 'pilkada', url: '/pilkada/bali/', fields: { title: 'Bali' } }]);
    expect(found.diagnostics.map((each) => [each.ruleId, each.reason])).toEqual([
      ['plugin-error', 'Unexpected number 5 for pages[2].title, expected text (plugin "pilkada", page /pilkada/x/)'],
      [
        'plugin-error',
        'Unexpected second page at /pilkada/bali/, expected one page per path (plugin "pilkada", page /pilkada/bali/)',
      ],
    ]);
  });

  it('turns what a hook throws into a plugin error naming it and the hook', async () => {
    const failing = paging('kurs', () => {
      throw new Error('API kurs tidak menjawab');
    });
    await expect(runPagesHooks([failing], config, {})).rejects.toThrow(
      'Plugin "kurs" failed in pages: API kurs tidak menjawab',
    );
  });
});
