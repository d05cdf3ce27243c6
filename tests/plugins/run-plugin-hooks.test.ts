import { describe, expect, it } from 'vitest';
import type { NewsgenPlugin, PluginSite } from '../../src/config/newsgen-plugin.js';
import type { SitePlugin } from '../../src/config/read-plugins.js';
import type { ResolvedConfig } from '../../src/config/resolved-config.js';
import { runBuildEnd, runConfigResolved, runSiteModel } from '../../src/plugins/run-plugin-hooks.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

/** A plugin with hooks only, as `readPlugins` gives it. */
function hooked(name: string, hooks: SitePlugin['hooks']): SitePlugin {
  return {
    identity: { name, version: undefined, fingerprint: name, markdown: undefined, helpers: false },
    markdown: undefined,
    helpers: {},
    partials: undefined,
    strings: {},
    hooks,
  };
}

const site = await buildInMemory(
  {
    'ekonomi/kopi.md':
      '---\ntitle: Kopi\ndate: 2026-11-20 09:00\ntags: [Ekspor]\nparams: { dibaca: 120, label: [Pilihan] }\n---\n\nIsi.\n',
    'nasional/banjir.md': '---\ntitle: Banjir\ndate: 2026-11-21 09:00\n---\n\nIsi.\n',
  },
  { baseUrl: 'https://contoh.id/warta/', timeZone: 'Asia/Jakarta' },
);

describe('plugin hooks', () => {
  it('give siteModel a read-only view of the site and merge what each plugin returns into plain data', async () => {
    let seen: PluginSite | undefined;
    const siteModel: NewsgenPlugin['siteModel'] = (view) => {
      seen = view;
      return { judul: view.articles.map((article) => article.title), kapan: new Date(0) };
    };
    const data = await runSiteModel(
      [hooked('a', { siteModel }), hooked('b', { siteModel: async () => ({ jumlah: 2 }) }), hooked('c', {})],
      site.generated.site,
      site.config,
    );
    expect(data.data).toEqual({ judul: ['Banjir', 'Kopi'], kapan: '1970-01-01T00:00:00.000Z', jumlah: 2 });
    expect(data.hash).toMatch(/^[0-9a-f]{40}$/);
    expect(seen?.articles[1]).toMatchObject({
      title: 'Kopi',
      url: '/warta/ekonomi/kopi/',
      absoluteUrl: 'https://contoh.id/warta/ekonomi/kopi/',
      date: '2026-11-20T09:00:00+07:00',
      section: { slug: 'ekonomi', url: '/warta/ekonomi/', count: 1 },
      tags: [{ slug: 'ekspor', name: 'Ekspor' }],
      // A list by a front-matter field of the site's own (a "terpopuler" page) reads it here.
      params: { dibaca: 120, label: ['Pilihan'] },
    });
    expect(seen?.articles[0]?.params).toEqual({});
    expect(Object.isFrozen(seen?.articles[0])).toBe(true);
    expect(Object.isFrozen(seen?.articles[1]?.params['label'])).toBe(true);
    expect(() => (seen?.articles as PluginSite['articles'][number][] | undefined)?.pop()).toThrow();
  });

  it('give siteModel a frozen copy of the config: changing it changes nothing the build reads', async () => {
    const title = site.config.title;
    const error = await runSiteModel(
      [
        hooked('ubah', {
          siteModel: (view) => {
            (view.config as { title: string }).title = 'DIRETAS';
          },
        }),
      ],
      site.generated.site,
      site.config,
    ).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toContain('ubah');
    expect(site.config.title).toBe(title);
  });

  it('refuse two plugins giving the same key of site.data, naming both', async () => {
    const give = () => ({ populer: [] });
    await expect(
      runSiteModel(
        [hooked('a', { siteModel: give }), hooked('b', { siteModel: give })],
        site.generated.site,
        site.config,
      ),
    ).rejects.toThrow('Plugin "b" failed in siteModel: gives site.data.populer, which plugin "a" gives already');
  });

  it('give configResolved a frozen copy, and name the plugin and hook of any failure', async () => {
    let given: ResolvedConfig | undefined;
    await runConfigResolved([hooked('a', { configResolved: (config) => void (given = config) })], site.config);
    expect(given).toEqual(site.config);
    expect(given).not.toBe(site.config);
    expect(Object.isFrozen(given?.publisher)).toBe(true);
    const failing = hooked('ping', {
      buildEnd: () => {
        throw new Error('network unreachable');
      },
    });
    const report = { written: [], deleted: [], upToDate: true, articles: 0, pages: 0, durationMs: 0, warnings: [] };
    const error = await runBuildEnd([failing], { ...report, config: site.config, outDir: '/x' }).catch((e) => e);
    expect(error).toMatchObject({
      code: 'plugin-error',
      message: 'Plugin "ping" failed in buildEnd: network unreachable',
    });
    expect(error.hint).toContain('output is in place');
  });

  it('give every hook a context whose problems come back from the run, each plugin’s under its name', async () => {
    const data = await runSiteModel(
      [
        hooked('editor', {
          siteModel: (view, context) => {
            for (const article of view.articles) context.warn('Tanpa editor', { article, rule: 'wajib' });
            return { n: view.articles.length };
          },
        }),
      ],
      site.generated.site,
      site.config,
    );
    expect(data.data).toEqual({ n: 2 });
    expect(data.diagnostics.map((found) => [found.file, found.ruleId])).toEqual([
      ['content/ekonomi/kopi.md', 'editor/wajib'],
      ['content/nasional/banjir.md', 'editor/wajib'],
    ]);
    const report = { written: [], deleted: [], upToDate: true, articles: 0, pages: 0, durationMs: 0, warnings: [] };
    const ended = await runBuildEnd(
      [hooked('ping', { buildEnd: (_, context) => context.error('IndexNow menolak kunci', { rule: 'kunci' }) })],
      { ...report, config: site.config, outDir: '/x' },
    );
    expect(ended).toMatchObject([{ severity: 'error', ruleId: 'ping/kunci' }]);
    // A malformed report is the plugin's bug: it fails naming the plugin and the hook.
    await expect(
      runConfigResolved(
        [hooked('salah', { configResolved: (_, context) => context.warn('x', { line: -1 }) })],
        site.config,
      ),
    ).rejects.toThrow('Plugin "salah" failed in configResolved: line -1 is not a whole number from 1');
  });
});
