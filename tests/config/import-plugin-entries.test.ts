import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { createTempFolder } from '../helpers/temp-folders.js';

const CLOCK = new Date('2026-11-27T00:00:00Z');

/** A site folder holding `files`. */
function site(files: Record<string, string>): string {
  const root = createTempFolder('plugin-entries');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** An installed package without dependencies whose default export is a plugin object. */
function smallPackage(version: string): Record<string, string> {
  return {
    'node_modules/newsgen-plugin-kecil/package.json': JSON.stringify({
      name: 'newsgen-plugin-kecil',
      version,
      type: 'module',
      exports: { '.': { import: './index.js' } },
    }),
    'node_modules/newsgen-plugin-kecil/index.js':
      "export default { name: 'newsgen-plugin-kecil', embeds: ['e.infogram.com'], strings: { id: { sapa: 'Halo' } } };\n",
  };
}

/** A plugin file of the site's own: a factory taking options. */
const LOCAL_PLUGIN = `export default function tanda(options) {
  return { name: 'tanda', options, remarkPlugins: [[() => () => undefined, options]] };
}
`;

async function resolveSite(root: string) {
  return (await resolveConfig(root, await loadConfig(root, undefined), {}, CLOCK)).config;
}

describe('plugins named by module in a config', () => {
  it('load packages and plugin files named in a YAML config, with their options, beside plugins written out', async () => {
    const yaml = (mark: string) =>
      [
        'title: Warta Uji',
        'locale: id-ID',
        'plugins:',
        '  - newsgen-plugin-kecil',
        `  - [./plugins/tanda.mjs, { tanda: "${mark}" }]`,
        '  - { name: infogram, embeds: [e.infogram.com] }',
        '',
      ].join('\n');
    const root = site({
      'newsgen.config.yaml': yaml('!'),
      'plugins/tanda.mjs': LOCAL_PLUGIN,
      ...smallPackage('1.0.0'),
    });
    const first = await resolveSite(root);
    expect(first.plugins.map(({ name, version }) => ({ name, version }))).toEqual([
      { name: 'newsgen-plugin-kecil', version: '1.0.0' },
      { name: 'tanda', version: undefined },
      { name: 'infogram', version: undefined },
    ]);
    expect(first.strings['sapa']).toBe('Halo');

    // Other options for the plugin file, and a new version of the package: both are seen.
    writeFileSync(path.join(root, 'newsgen.config.yaml'), yaml('?'));
    writeFileSync(
      path.join(root, 'node_modules/newsgen-plugin-kecil/package.json'),
      smallPackage('1.1.0')['node_modules/newsgen-plugin-kecil/package.json'] as string,
    );
    const second = await resolveSite(root);
    expect(second.plugins[0]?.version).toBe('1.1.0');
    expect(second.plugins[0]?.fingerprint).not.toBe(first.plugins[0]?.fingerprint);
    expect(second.plugins[0]?.markdown).not.toBe(first.plugins[0]?.markdown);
    expect(second.plugins[1]?.markdown).not.toBe(first.plugins[1]?.markdown);
    expect(second.plugins[2]).toEqual(first.plugins[2]);
  });

  it('report every plugin module that cannot be loaded at its line in the config, naming it', async () => {
    const root = site({
      'newsgen.config.json': [
        '{',
        '  "title": "Warta Uji",',
        '  "plugins": [',
        '    "newsgen-plugin-tidak-ada", "./plugins/tidak-ada.mjs",',
        '    ["./plugins/bukan-plugin.mjs", { "x": 1 }],',
        '    ["newsgen-plugin-kecil", { "x": 1 }]',
        '  ]',
        '}',
        '',
      ].join('\n'),
      'plugins/bukan-plugin.mjs': 'export default function remarkSesuatu() { return (tree) => tree; }\n',
      ...smallPackage('1.0.0'),
    });
    const error = await loadConfig(root, undefined).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!isNewsgenError(error)) throw new Error('expected a NewsgenError');
    expect(error.code).toBe('plugin-load');
    expect(
      error.diagnostics.map((diagnostic) => [diagnostic.place?.line, diagnostic.ruleId, diagnostic.reason]),
    ).toEqual([
      [4, 'plugin-load', 'Cannot load the plugin "newsgen-plugin-tidak-ada": the package is not installed in the site'],
      [
        4,
        'plugin-load',
        'Cannot load the plugin "./plugins/tidak-ada.mjs": no such file (a path is relative to the config file)',
      ],
      [5, 'plugin-load', expect.stringContaining('gave a function, not a newsgen plugin')],
      [6, 'plugin-load', expect.stringContaining('takes no options')],
    ]);
  });
});
