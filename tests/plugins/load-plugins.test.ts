import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { loadPlugins, takeResolvedPlugins } from '../../src/plugins/load-plugins.js';
import { createTempFolder } from '../helpers/temp-folders.js';

const CLOCK = new Date('2026-11-27T00:00:00Z');

function configSource(mark: string): string {
  return `export default {
  plugins: [
    { name: 'tanda', remarkPlugins: [[() => undefined, { mark: '${mark}' }]], helpers: { tanda: () => '${mark}' } },
    { name: 'data-saja', embeds: ['e.infogram.com'] },
  ],
};
`;
}

async function resolveSite(dir: string) {
  return (await resolveConfig(dir, await loadConfig(dir, undefined), {}, CLOCK)).config;
}

describe('loadPlugins', () => {
  it('loads the plugins a config names by running its file again, with their Markdown parts and helpers', async () => {
    const dir = createTempFolder('load-plugins');
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), configSource('!'));
    const config = await resolveSite(dir);
    const loaded = await loadPlugins(config);
    expect(loaded.list.map((plugin) => plugin.identity)).toEqual(config.plugins);
    expect(loaded.markdown.map((extension) => extension.name)).toEqual(['tanda', 'data-saja']);
    expect(loaded.helpers.map(({ name, plugin, helper }) => [name, plugin, helper()])).toEqual([
      ['tanda', 'tanda', '!'],
    ]);
  });

  it('refuses plugins that come out differently from the config the build started with, naming the plugin', async () => {
    const dir = createTempFolder('load-plugins');
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), configSource('!'));
    const config = await resolveSite(dir);
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), configSource('?'));
    await expect(loadPlugins(config, 'a worker thread')).rejects.toMatchObject({
      code: 'plugin-worker',
      message:
        'Plugin "tanda" could not be loaded in a worker thread: its code or options differ from the ones the build was started with',
    });
  });

  it('does not suggest --concurrency 1 when the plugins come out differently on the main thread, which that flag does not avoid', async () => {
    const dir = createTempFolder('load-plugins');
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), configSource('!'));
    const config = await resolveSite(dir);
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), configSource('?'));
    const error = await loadPlugins(config).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'plugin-worker', message: expect.stringContaining('in this thread') });
    expect((error as { hint: string }).hint).not.toContain('--concurrency');
    expect((error as { hint: string }).hint).toContain('every time it runs');
  });

  it('cannot load plugins that come from no config file', async () => {
    const config = {
      root: '/nonexistent',
      configFile: undefined,
      plugins: [{ name: 'x', version: undefined, fingerprint: '0', markdown: undefined, helpers: true }],
    };
    await expect(loadPlugins(config)).rejects.toThrow(
      'Cannot load the plugins "x" in this thread: they come from no config file',
    );
    expect(await loadPlugins({ ...config, plugins: [] })).toMatchObject({ list: [], markdown: [], helpers: [] });
  });
});

describe('takeResolvedPlugins', () => {
  it('takes the plugins resolveConfig gave with the config, and no others (a config resolved again, after an edit)', async () => {
    const dir = createTempFolder('load-plugins');
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), configSource('!'));
    const resolved = await resolveConfig(dir, await loadConfig(dir, undefined), {}, CLOCK);
    const taken = takeResolvedPlugins(resolved.config, resolved.plugins);
    expect(taken?.list).toBe(resolved.plugins);
    expect(taken?.helpers.map(({ name, helper }) => [name, helper()])).toEqual([['tanda', '!']]);
    const again = await resolveSite(dir);
    expect(takeResolvedPlugins(again, resolved.plugins)).toBeUndefined();
    expect(takeResolvedPlugins(resolved.config, undefined)).toBeUndefined();
  });
});
