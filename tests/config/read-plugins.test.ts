import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { parseConfigText } from '../helpers/parse-config-text.js';
import { createTempFolder } from '../helpers/temp-folders.js';

const CLOCK = new Date('2026-11-27T00:00:00Z');
const SITE = '/nonexistent/newsgen-plugins-site';

/** Resolves a config value as a JavaScript config would give it (no places). */
async function resolve(value: Record<string, unknown>, root = SITE) {
  const loaded = {
    file: path.join(root, 'newsgen.config.mjs'),
    displayPath: 'newsgen.config.mjs',
    value,
    locate: () => undefined,
  };
  return await resolveConfig(root, loaded, {}, CLOCK);
}

async function reasons(value: Record<string, unknown>): Promise<string[]> {
  try {
    await resolve(value);
  } catch (error) {
    if (isNewsgenError(error)) return error.diagnostics.map((diagnostic) => diagnostic.reason);
    throw error;
  }
  return [];
}

function remarkMark(options?: { mark: string }) {
  return () => options;
}

describe('plugins in the config', () => {
  it('keeps each plugin as plain data: its name, version and fingerprints, then the config’s own keys as one more', async () => {
    const root = createTempFolder('plugin-version');
    mkdirSync(path.join(root, 'node_modules', 'newsgen-plugin-x'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'newsgen-plugin-x', 'package.json'), '{ "version": "2.3.4" }');
    const { config } = await resolve(
      {
        plugins: [
          { name: 'newsgen-plugin-x', remarkPlugins: [[remarkMark, { mark: '!' }]] },
          false,
          null,
          { name: 'helpers-only', helpers: { shout: (text: string) => text.toUpperCase() } },
        ],
        embeds: ['e.infogram.com'],
      },
      root,
    );
    expect(config.plugins.map(({ name, version, helpers }) => ({ name, version, helpers }))).toEqual([
      { name: 'newsgen-plugin-x', version: '2.3.4', helpers: false },
      { name: 'helpers-only', version: undefined, helpers: true },
      { name: 'newsgen.config.mjs', version: undefined, helpers: false },
    ]);
    expect(config.plugins[0]?.markdown).toMatch(/^[0-9a-f]{40}$/);
    expect(config.plugins[1]?.markdown).toBeUndefined();
    expect(JSON.parse(JSON.stringify(config.plugins))).toEqual(config.plugins);
  });

  it('changes a plugin’s fingerprints with its options and code, and its Markdown fingerprint only with its Markdown part', async () => {
    const plugin = (mark: string, shout: (text: string) => string) => ({
      plugins: [{ name: 'p', remarkPlugins: [[remarkMark, { mark }]], helpers: { shout } }],
    });
    const upper = (text: string) => text.toUpperCase();
    const lower = (text: string) => text.toLowerCase();
    const [a, b, c, again] = await Promise.all(
      [
        plugin('!', upper),
        plugin('?', upper),
        plugin('!', lower),
        plugin('!', (text: string) => text.toUpperCase()),
      ].map(async (value) => (await resolve(value)).config.plugins[0]),
    );
    expect(b?.fingerprint).not.toBe(a?.fingerprint);
    expect(b?.markdown).not.toBe(a?.markdown);
    expect(c?.fingerprint).not.toBe(a?.fingerprint);
    expect(c?.markdown).toBe(a?.markdown);
    // The same source text is the same plugin, whichever function object carries it.
    expect(again).toEqual(a);
    // What a factory's functions read from a closure counts once the plugin shows it as `options`.
    const made = (wpm: number) => resolve({ plugins: [{ name: 'p', options: { wpm }, helpers: { shout: upper } }] });
    expect((await made(200)).config.plugins[0]?.fingerprint).not.toBe((await made(100)).config.plugins[0]?.fingerprint);
    expect((await resolve(plugin('!', upper))).config.plugins[0]).toEqual(a);
  });

  it('puts plugins’ UI strings for the site’s locale under the config’s own', async () => {
    const { config } = await resolve({
      locale: 'id-ID',
      plugins: [
        { name: 'a', strings: { en: { readingTime: '{n} min', a: 'A' }, id: { readingTime: '{n} menit' } } },
        { name: 'b', strings: { 'id-ID': { b: 'B' }, fr: { b: 'x' } } },
      ],
      strings: { a: 'Sendiri' },
    });
    expect(config.strings).toEqual({ readingTime: '{n} menit', a: 'Sendiri', b: 'B' });
  });

  it('reports every malformed plugin part at its key, and never allows a handler or a script-carrying attribute', async () => {
    const found = await reasons({
      plugins: [
        { remarkPlugins: [] },
        { name: 'a', remarkPlugins: ['remark-smartypants'], helpers: { 'bad name': () => 1 } },
        { name: 'a' },
        { name: 'b', embeds: ['https://e.infogram.com/', { host: 'x.example', attributes: ['onload'] }] },
        { name: 'c', sanitize: { elements: ['abbr'], attributes: { a: ['onclick', 'style'], '*': ['srcdoc'] } } },
        { name: 'd', buildEnd: 'ping', partials: 7 },
        'remark-gfm',
      ],
    });
    expect(found).toEqual([
      'Unexpected plugin without a name (key `plugins.0.name`)',
      'Unexpected value, expected a unified plugin (a function) or [plugin, options] (key `plugins.1.remarkPlugins.0`)',
      'Unexpected helper name "bad name", expected letters, digits, _ and - (key `plugins.1.helpers.bad name`)',
      'Unexpected second plugin named "a" (key `plugins.2.name`)',
      'Unexpected host "https://e.infogram.com/", expected a lower-case hostname such as "e.infogram.com" (key `plugins.3.embeds.0`)',
      'Unexpected attribute "onload": event handlers, style, srcdoc and http-equiv are never allowed in article bodies (key `plugins.3.embeds.1.attributes.0`)',
      'Unexpected attribute "onclick": event handlers, style, srcdoc and http-equiv are never allowed in article bodies (key `plugins.4.sanitize.attributes.a.0`)',
      'Unexpected attribute "style": event handlers, style, srcdoc and http-equiv are never allowed in article bodies (key `plugins.4.sanitize.attributes.a.1`)',
      'Unexpected attribute "srcdoc": event handlers, style, srcdoc and http-equiv are never allowed in article bodies (key `plugins.4.sanitize.attributes.*.0`)',
      'Unexpected value, expected a folder, or an object of partials (key `plugins.5.partials`)',
      'Unexpected value, expected a function (key `plugins.5.buildEnd`)',
      'Unexpected value, expected a plugin: an object with a `name` (key `plugins.6`)',
    ]);
  });

  it('takes a plugin’s data from a JSON config, placed at its line, and warns about keys a plugin does not have', async () => {
    const text = JSON.stringify({ plugins: [{ name: 'grafik', embeds: ['E.INFOGRAM.COM'], colour: 'red' }] }, null, 2);
    const loaded = parseConfigText(text, 'newsgen.config.json', undefined);
    let caught: unknown;
    try {
      await resolveConfig(SITE, loaded, {}, CLOCK);
    } catch (error) {
      caught = error;
    }
    // The unknown key's warning comes with the error: the same file, and often the same mistake.
    expect(isNewsgenError(caught) && caught.diagnostics.map((d) => [d.place?.line, d.ruleId])).toEqual([
      [6, 'config-invalid'],
      [8, 'config-unknown-key'],
    ]);
    const fixed = parseConfigText(text.replace('E.INFOGRAM.COM', 'e.infogram.com'), 'newsgen.config.json', undefined);
    const { config, warnings } = await resolveConfig(SITE, fixed, {}, CLOCK);
    expect(config.plugins.map((plugin) => plugin.name)).toEqual(['grafik']);
    expect(warnings.map((warning) => [warning.place?.line, warning.reason])).toEqual([
      [8, 'Unknown config key `colour`, ignored (key `plugins.0.colour`)'],
    ]);
  });
});
