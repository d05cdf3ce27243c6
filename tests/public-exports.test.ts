import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../src/index.js';

describe('the public API (src/index.ts, the package entry)', () => {
  it('exports exactly these names, so a change to them is a deliberate one', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CONFIG_FILE_NAMES',
      'NewsgenError',
      'build',
      'defineConfig',
      'isNewsgenError',
      'loadConfig',
      'resolveConfig',
    ]);
  });

  it('exports the plugin types, and defineConfig takes plugins and the plugin keys of a site’s own', () => {
    // Each type named here must stay exported, or the type check of the tests fails.
    type Exported = [
      api.NewsgenPlugin,
      api.PluginEntry,
      api.EmbedHost,
      api.SanitizeExtension,
      api.PluginSite,
      api.PluginPagesSite,
      api.PluginPage,
      api.PluginArticle,
      api.PluginTerm,
      api.PluginData,
      api.PluginContext,
      api.PluginProblemPlace,
      api.BuildReport,
      api.PluginIdentity,
      api.ResolvedConfig,
      api.UserConfig,
      api.ResolvedConfigResult,
    ];
    expectTypeOf<Exported>().toBeArray();
    const plugin: api.NewsgenPlugin = {
      name: 'newsgen-plugin-contoh',
      remarkPlugins: [() => undefined, [(options: { mark: string }) => void options, { mark: '!' }]],
      helpers: { 'menit-baca': (html: string) => Math.ceil(html.length / 1000) },
      embeds: ['e.infogram.com', { host: 'www.tiktok.com', attributes: ['scrolling'] }],
      sanitize: { elements: ['abbr'], attributes: { abbr: ['title'] }, classes: { a: ['tautan-luar'] } },
      strings: { id: { waktuBaca: '{menit} menit baca' } },
      siteModel: (site, context) => {
        for (const article of site.articles) if (!article.params['editor']) context.warn('Tanpa editor', { article });
        return { jumlah: site.articles.length };
      },
      pages: (site) => [{ path: '/pilkada/', title: 'Pilkada', params: { wilayah: Object.keys(site.data).length } }],
      buildEnd: async (report) => void report.written.length,
    };
    const config = api.defineConfig({ plugins: [plugin, false], rehypePlugins: [], partials: 'partials' });
    expect(config.plugins?.[0]).toBe(plugin);
    // Modules named as in YAML work in a .ts config too, and must type-check there.
    const named = api.defineConfig({
      plugins: ['newsgen-plugin-warta', ['./plugins/reading-time.mjs', { wordsPerMinute: 180 }], plugin],
    });
    expect(named.plugins).toHaveLength(3);
    expectTypeOf(api.defineConfig).parameter(0).toHaveProperty('plugins');
    expectTypeOf<api.NewsgenPlugin['siteModel']>().parameter(0).toEqualTypeOf<api.PluginSite>();
    expectTypeOf<api.NewsgenPlugin['pages']>().parameter(0).toEqualTypeOf<api.PluginPagesSite>();
    expectTypeOf<api.NewsgenPlugin['buildEnd']>().parameter(0).toEqualTypeOf<api.BuildReport>();
    expectTypeOf<api.NewsgenPlugin['configResolved']>().parameter(0).toEqualTypeOf<api.ResolvedConfig>();
    expectTypeOf<api.NewsgenPlugin['siteModel']>().parameter(1).toEqualTypeOf<api.PluginContext>();
    expectTypeOf<api.NewsgenPlugin['buildEnd']>().parameter(1).toEqualTypeOf<api.PluginContext>();
    expectTypeOf<api.ResolvedConfig['plugins']>().toEqualTypeOf<readonly api.PluginIdentity[]>();
    // What resolveConfig read of the plugins goes to build as it is: the config file does not run again.
    expectTypeOf<api.ResolvedConfigResult['plugins']>().toEqualTypeOf<
      NonNullable<Parameters<typeof api.build>[1]['plugins']>
    >();
  });
});
