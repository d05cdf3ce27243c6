import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { catchNewsgenError } from '../helpers/catch-newsgen-error.js';
import { runCli } from '../helpers/fixture-site.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

describe('parseConfigText', () => {
  test('parses JSON and locates each key value by line and column', () => {
    const text =
      '{\n  "title": "Warta",\n  "publisher": {\n    "name": "PT Warta"\n  },\n  "sections": ["ekonomi", "nasional"]\n}\n';
    const loaded = parseConfigText(text, 'newsgen.config.json', '/site/newsgen.config.json');
    expect(loaded.value).toEqual({
      title: 'Warta',
      publisher: { name: 'PT Warta' },
      sections: ['ekonomi', 'nasional'],
    });
    expect(loaded.file).toBe('/site/newsgen.config.json');
    expect(loaded.displayPath).toBe('newsgen.config.json');
    expect(loaded.locate(['title'])).toEqual({ line: 2, column: 12 });
    expect(loaded.locate(['publisher', 'name'])).toEqual({ line: 4, column: 13 });
    expect(loaded.locate(['sections', 1])).toEqual({ line: 6, column: 27 });
    expect(loaded.locate(['description'])).toBeUndefined();
  });

  test('reads a JSON file that starts with a byte order mark, as Windows editors write it', () => {
    const loaded = parseConfigText('\uFEFF{"title": "Warta"}\n', 'newsgen.config.json', '/site/newsgen.config.json');
    expect(loaded.value).toEqual({ title: 'Warta' });
    expect(loaded.locate(['title'])).toEqual({ line: 1, column: 11 });
  });

  test('parses YAML with the same positions', () => {
    const loaded = parseConfigText('title: Warta\ntimeZone: Asia/Jakarta\n', 'newsgen.config.yaml', undefined);
    expect(loaded.value).toEqual({ title: 'Warta', timeZone: 'Asia/Jakarta' });
    expect(loaded.locate(['timeZone'])).toEqual({ line: 2, column: 11 });
  });

  test('keeps dates as text, so `now` is not turned into a UTC Date', () => {
    expect(parseConfigText('now: 2016-09-09\n', 'newsgen.config.yaml', undefined).value).toEqual({ now: '2016-09-09' });
  });

  test('gives an empty object for an empty file', () => {
    expect(parseConfigText('', 'newsgen.config.yaml', undefined).value).toEqual({});
  });

  test('throws a positioned config-syntax error for broken JSON', () => {
    const error = catchNewsgenError(() =>
      parseConfigText('{\n  "title": "Warta",\n  "perPage": 10,,\n}\n', 'newsgen.config.json', undefined),
    );
    expect(error.code).toBe('config-syntax');
    expect(error.file).toBe('newsgen.config.json');
    expect(error.diagnostics.length).toBeGreaterThan(0);
    expect(error.diagnostics[0]).toMatchObject({
      file: 'newsgen.config.json',
      ruleId: 'config-syntax',
      place: { line: 3 },
    });
    expect(error.place).toEqual(error.diagnostics[0]?.place);
  });

  test('throws for a key written twice', () => {
    const error = catchNewsgenError(() =>
      parseConfigText('title: A\nperPage: 5\ntitle: B\n', 'newsgen.config.yaml', undefined),
    );
    expect(error.code).toBe('config-syntax');
    expect(error.diagnostics[0]?.place?.line).toBe(3);
  });
});

describe('strict JSON configs', () => {
  test('reports a trailing comma at the comma itself', () => {
    const error = catchNewsgenError(() =>
      parseConfigText('{\n  "title": "Warta",\n  "perPage": 10,\n}\n', 'newsgen.config.json', undefined),
    );
    expect(error.code).toBe('config-syntax');
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ place: { line: 3, column: 16 }, ruleId: 'config-syntax' });
    expect(error.diagnostics[0]?.reason).toContain('trailing comma');
  });

  test('refuses YAML syntax in a .json file at its line and column', () => {
    const error = catchNewsgenError(() => parseConfigText('title: Warta\n', 'newsgen.config.json', undefined));
    expect(error.diagnostics[0]).toMatchObject({ file: 'newsgen.config.json', place: { line: 1, column: 1 } });
  });

  test('refuses comments, which JSON does not have', () => {
    const error = catchNewsgenError(() =>
      parseConfigText('{\n  // judul\n  "title": "Warta"\n}\n', 'newsgen.config.json', undefined),
    );
    expect(error.diagnostics[0]).toMatchObject({ place: { line: 2, column: 3 } });
    expect(error.diagnostics[0]?.reason).toContain('comment');
  });

  test('refuses a key written twice, pointing at the first', () => {
    const error = catchNewsgenError(() =>
      parseConfigText('{\n  "title": "A",\n  "title": "B"\n}\n', 'newsgen.config.json', undefined),
    );
    expect(error.diagnostics[0]).toMatchObject({
      place: { line: 3, column: 3 },
      cause: { file: 'newsgen.config.json', place: { line: 2, column: 3 } },
    });
  });

  test('keeps a key named __proto__ as plain data', () => {
    const loaded = parseConfigText('{ "__proto__": { "x": 1 } }', 'newsgen.config.json', undefined);
    expect(Object.getPrototypeOf(loaded.value)).toBe(Object.prototype);
    expect(Object.keys(loaded.value as object)).toEqual(['__proto__']);
  });
});

describe('loadConfig', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsgen-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('refuses two config files, naming both', async () => {
    writeFileSync(path.join(dir, 'newsgen.config.json'), '{}');
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), 'export default {};');
    const error = await loadConfig(dir, undefined).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isNewsgenError(error)).toBe(true);
    expect((error as NewsgenError).code).toBe('config-ambiguous');
    expect((error as NewsgenError).message).toContain('newsgen.config.json');
    expect((error as NewsgenError).message).toContain('newsgen.config.mjs');
  });

  test('uses the file given to --config even when the folder has another', async () => {
    writeFileSync(path.join(dir, 'newsgen.config.json'), '{ "title": "A" }');
    writeFileSync(path.join(dir, 'newsgen.config.yaml'), 'title: B\n');
    expect((await loadConfig(dir, 'newsgen.config.yaml')).value).toEqual({ title: 'B' });
  });

  test('runs a TypeScript config and takes its default export', async () => {
    writeFileSync(
      path.join(dir, 'newsgen.config.ts'),
      "interface Site { title: string; perPage: number }\nconst site: Site = { title: 'Warta', perPage: 12 as number };\nexport default site;\n",
    );
    const loaded = await loadConfig(dir, undefined);
    expect(loaded.value).toEqual({ title: 'Warta', perPage: 12 });
    expect(loaded.displayPath).toBe('newsgen.config.ts');
  });

  test.each([
    [
      'a TypeScript config that throws',
      'newsgen.config.ts',
      'const n: number = 1;\nexport default {\n  title: missing.name,\n};\n',
      { line: 3, column: 10 },
      'missing is not defined',
    ],
    [
      'a TypeScript config that does not parse',
      'newsgen.config.ts',
      "export default {\n  title: 'A'\n  perPage: 4,\n};\n",
      { line: 3, column: 3 },
      'Unexpected token, expected ","',
    ],
    [
      'a JavaScript config that throws',
      'newsgen.config.mjs',
      'export default {\n  title: missing.name,\n};\n',
      { line: 2, column: 10 },
      'missing is not defined',
    ],
  ])('places %s at its line and column', async (_, name, source, place, reason) => {
    writeFileSync(path.join(dir, name), source);
    const error = (await loadConfig(dir, undefined).catch((caught: unknown) => caught)) as NewsgenError;
    expect({ code: error.code, file: error.file, place: error.place }).toEqual({
      code: 'config-load',
      file: name,
      place,
    });
    expect(error.message).toBe(`Could not load config file ${name}: ${reason}`);
  });

  // Through the CLI: under the test runner a module is parsed by Vite, not by Node, which gives no place.
  test('places a JavaScript config that does not parse at its line and column', () => {
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), "export default {\n  title: 'A'\n  perPage: 4,\n};\n");
    const run = runCli(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "newsgen.config.mjs:3:3  error  Could not load config file newsgen.config.mjs: Unexpected identifier 'perPage'  config-load",
    );
    expect(run.stderr).not.toContain('    at ');
  });

  test('reports a TypeScript config that throws as a config-load error', async () => {
    writeFileSync(path.join(dir, 'newsgen.config.ts'), "throw new Error('rusak');\nexport default {};\n");
    const error = await loadConfig(dir, undefined).catch((caught: unknown) => caught);
    expect((error as NewsgenError).code).toBe('config-load');
    expect((error as NewsgenError).message).toContain('rusak');
  });

  test('names the module a TypeScript config imports that is not there, on one line', async () => {
    writeFileSync(path.join(dir, 'newsgen.config.ts'), "import tema from './tema.js';\nexport default { tema };\n");
    const error = (await loadConfig(dir, undefined).catch((caught: unknown) => caught)) as NewsgenError;
    expect(error.code).toBe('config-load');
    // It went on with `Require stack:` and the config file's absolute path, on lines of their own.
    expect(error.message).toBe("Could not load config file newsgen.config.ts: Cannot find module './tema.js'");
  });
});
