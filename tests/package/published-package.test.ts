import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, ROOT } from '../helpers/fixture-site.js';

/** What `npm pack --json` says about one tarball. */
interface PackReport {
  readonly filename: string;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string }[];
}

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let project = '';
let report: PackReport;

function run(command: string, args: readonly string[], cwd: string): { code: number | null; out: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

// A user's project with the packed tarball unpacked as node_modules/newsgen.
// Its dependencies resolve from this repository's node_modules (linked as the
// package's own), so the test proves what the tarball holds and how its entry
// points resolve, without a network install.
// Timeout: npm packs the package and tar unpacks it.
beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'lib', 'bundle', 'index.js')))
    throw new Error('lib/ is missing: run `npm run build` before this test');
  project = mkdtempSync(path.join(tmpdir(), 'newsgen-package-'));
  const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], ROOT);
  expect(pack.code, pack.out).toBe(0);
  report = (JSON.parse(pack.out.slice(pack.out.indexOf('['))) as PackReport[])[0] as PackReport;
  const installed = path.join(project, 'node_modules', 'newsgen');
  mkdirSync(installed, { recursive: true });
  const untar = run(
    'tar',
    ['-xzf', path.join(project, report.filename), '-C', installed, '--strip-components=1'],
    ROOT,
  );
  expect(untar.code, untar.out).toBe(0);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'warta-uji', type: 'module' }));
  writeFileSync(path.join(project, 'newsgen.config.json'), JSON.stringify({ title: 'Warta Uji' }));
  mkdirSync(path.join(project, 'content', 'nasional'), { recursive: true });
  writeFileSync(path.join(project, 'content', 'nasional', 'jembatan.md'), article({ title: 'Jembatan Baru' }));
}, 60_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

// Timeout: the tests run node, tsc and builds in new processes.
describe('the published package', { timeout: 60_000 }, () => {
  it('holds one form of the code, its types and the theme, without source maps, under 2 MB unpacked', () => {
    const files = report.files.map((file) => file.path);
    // The bundle is about 1.5 MB: a second form of the code, or source maps, would pass this limit.
    expect(report.unpackedSize).toBeLessThan(2_000_000);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/newsgen.js',
        'lib/bundle/main.js',
        'lib/bundle/index.js',
        'lib/index.d.ts',
        'templates/layout.hbs',
        'templates/assets/latest-news.js',
        'templates/assets/relative-time.js',
      ]),
    );
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    // JavaScript outside the bundle is only the theme's scripts for readers' browsers.
    expect(
      files.filter((file) => file.endsWith('.js') && !/^(bin|lib\/bundle|templates\/assets)\//.test(file)),
    ).toEqual([]);
  });

  it('ships every declaration its public types import, and none the public API does not reach', () => {
    const files = new Set(report.files.map((file) => file.path));
    const declarations = [...files].filter((file) => file.endsWith('.d.ts'));
    const imported = new Set<string>();
    for (const file of declarations) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport\(?)\s*["'](\.{1,2}\/[^"']+)\.js["']/g))
        imported.add(path.posix.join(path.posix.dirname(file), `${specifier}.d.ts`));
    }
    expect([...imported].filter((file) => !files.has(file))).toEqual([]);
    // Internals the public types never mention (the planner, feeds) are not described.
    expect(declarations).not.toContain('lib/pipeline/plan-site.d.ts');
    expect(declarations).not.toContain('lib/syndication/create-feeds.d.ts');
    expect(declarations.filter((file) => file !== 'lib/index.d.ts' && !imported.has(file))).toEqual([]);
  });

  it("describes its public API without Node's own types, so a TypeScript user needs no @types/node", () => {
    const declarations = report.files.map((file) => file.path).filter((file) => file.endsWith('.d.ts'));
    const needingNode = declarations.filter((file) =>
      /\bNodeJS\.|from ["']node:|\bBuffer\b|reference types=["']node/.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(needingNode).toEqual([]);
  });

  it('runs its CLI from the bin entry: --version, and a build of a small site', () => {
    const bin = path.join(project, 'node_modules', 'newsgen', 'bin', 'newsgen.js');
    const version = run(process.execPath, [bin, '--version'], project);
    expect(version).toEqual({ code: 0, out: `${VERSION}\n` });
    const build = run(process.execPath, [bin, 'build', '--quiet', '--no-cache', '--out', 'site'], project);
    expect(build.code, build.out).toBe(0);
    expect(readFileSync(path.join(project, 'site', 'nasional', 'jembatan', 'index.html'), 'utf8')).toContain(
      'Jembatan Baru',
    );
  });

  it("serves the library API from 'newsgen', with types a TypeScript project can check", () => {
    // The calls a site's build script makes, type-checked against the published declarations, then run.
    const script = [
      "import { build, defineConfig, loadConfig, resolveConfig, type UserConfig } from 'newsgen';",
      "const settings: UserConfig = defineConfig({ title: 'Warta Uji' });",
      'const root = process.cwd();',
      'const loaded = await loadConfig(root, undefined);',
      "const { config } = await resolveConfig(root, loaded, { out: 'api-site' }, new Date('2026-11-20T00:00:00Z'));",
      'const quiet = { debug() {}, info() {}, warn() {}, error() {} };',
      'const result = await build(config, { logger: quiet, cache: false });',
      'console.log(settings.title, result.pages > 0);',
      '',
    ];
    writeFileSync(path.join(project, 'use-api.ts'), script.join('\n'));
    writeFileSync(
      path.join(project, 'use-api.mjs'),
      script.join('\n').replace(', type UserConfig', '').replace(': UserConfig', ''),
    );
    const types = run(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        '--typeRoots',
        path.join(ROOT, 'node_modules', '@types'),
        'use-api.ts',
      ],
      project,
    );
    expect(types.code, types.out).toBe(0);
    const api = run(process.execPath, ['use-api.mjs'], project);
    expect(api).toEqual({ code: 0, out: 'Warta Uji true\n' });
    expect(readFileSync(path.join(project, 'api-site', 'nasional', 'jembatan', 'index.html'), 'utf8')).toContain(
      'Jembatan Baru',
    );
  });
});
