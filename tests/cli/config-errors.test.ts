import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_KEYS, listKeyPaths } from '../../src/config/config-keys.js';
import { article, createFixtureSite, ROOT, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const sites: string[] = [];
function site(files: Record<string, string>): string {
  const dir = createFixtureSite({ 'content/ekonomi/baik.md': article(), ...files });
  sites.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of sites.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('config errors on the command line', () => {
  it('names the --templates flag for a missing templates folder, without a "(defaults)" file', async () => {
    const run = await runMain(site({}), ['build', '--templates', 'tidak-ada']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Templates folder not found: tidak-ada (--templates)');
    expect(run.stderr).not.toContain('(defaults)');
  });

  it('names the real `out` key in the hint for an unsafe --out', async () => {
    const run = await runMain(site({}), ['build', '--out', '.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('`out` config key');
    expect(run.stderr).not.toContain('outDir');
  });

  it('refuses two config files, naming both, and builds nothing', async () => {
    const dir = site({ 'newsgen.config.json': '{ "title": "A" }', 'newsgen.config.yaml': 'title: B\n' });
    const run = await runMain(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/newsgen\.config\.json.*newsgen\.config\.yaml/);
    expect(readdirSync(dir)).not.toContain('dist');
  });

  it('reports a trailing comma in newsgen.config.json at its line and column', async () => {
    const run = await runMain(site({ 'newsgen.config.json': '{\n  "title": "Warta",\n}\n' }), ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/newsgen\.config\.json:2:19 +error +Invalid JSON: unexpected trailing comma/);
  });

  it('refuses a locale without date data at its line, once a build has something to render, and leaves dist/ as it was', async () => {
    const config = (locale: string) => `{\n  "title": "Warta",\n  "locale": "${locale}"\n}\n`;
    const dir = site({ 'newsgen.config.json': config('id-ID') });
    expect((await runMain(dir, ['build'])).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'newsgen.config.json'), config('zz'));
    for (const command of ['build', 'check']) {
      const run = await runMain(dir, [command]);
      expect(run.code, command).toBe(1);
      expect(run.stderr, command).toMatch(
        /newsgen\.config\.json:3:13 +error +Unexpected locale "zz": no date or language data is available for it/,
      );
      expect(run.stderr, command).not.toMatch(/\n\s+at /);
    }
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  }, 30_000);

  it.each([
    ['a repeated YAML key', 'newsgen.config.yaml', 'title: A\nsections: []\nsections: []\n', 'newsgen.config.yaml:3:1'],
    ['an unclosed YAML quote', 'newsgen.config.yaml', 'title: "A\n', 'newsgen.config.yaml:1:8'],
    ['a repeated JSON key', 'newsgen.config.json', '{ "title": "A", "title": "B" }\n', 'newsgen.config.json:1:17'],
    ['an invalid value', 'newsgen.config.json', '{\n  "perPage": -1\n}\n', 'newsgen.config.json:2:14'],
    [
      'a TypeScript syntax error',
      'newsgen.config.ts',
      'export default {\n  perPage: ,\n};\n',
      'newsgen.config.ts:2:12',
    ],
  ])(
    'prints %s once, ended by its count (build and check)',
    async (_, file, text, location) => {
      const dir = site({ [file]: text });
      for (const command of ['build', 'check']) {
        const run = await runMain(dir, [command]);
        expect(run.code, command).toBe(1);
        // It was printed again after the count, as the error gathering it: `…:3:1  error  Invalid config file …`.
        expect(run.stderr.split(location).length - 1, run.stderr).toBe(1);
        expect(run.stderr, command).not.toMatch(/Invalid config (file|in)|ParseError/);
        if (!file.endsWith('.ts')) expect(run.stderr.trimEnd(), command).toMatch(/\n\n✖ 1 error$/);
        const json = JSON.parse((await runMain(dir, [command, '--json'])).stdout) as { diagnostics: unknown[] };
        expect(json.diagnostics, command).toHaveLength(1);
      }
    },
    30_000,
  );

  // Timeout: the first full build in this file, with jiti compiling the TypeScript config.
  it('builds with a newsgen.config.ts', async () => {
    const dir = site({
      'newsgen.config.ts':
        "const title: string = 'Warta TS';\nexport default { title, baseUrl: 'https://ts.example/' };\n",
    });
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Warta TS');
  }, 30_000);
});

describe('hints in the source', () => {
  it('name only config keys that exist when they say "config key"', () => {
    const keys = new Set(listKeyPaths(CONFIG_KEYS));
    const named: string[] = [];
    for (const entry of readdirSync(path.join(ROOT, 'src'), { recursive: true })) {
      if (!String(entry).endsWith('.ts')) continue;
      const text = readFileSync(path.join(ROOT, 'src', String(entry)), 'utf8');
      for (const match of text.matchAll(/\\?`([\w.$]+)\\?` config key/g)) named.push(match[1] ?? '');
    }
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((key) => !keys.has(key))).toEqual([]);
  });
});
