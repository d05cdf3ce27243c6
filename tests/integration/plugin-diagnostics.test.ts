import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite, ROOT, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = '2026-11-27T00:00:00+07:00';
const validateReport = new Ajv().compile(
  JSON.parse(readFileSync(path.join(ROOT, 'tests/report/build-report.schema.json'), 'utf8')),
);

/**
 * A newsroom's plugin as a site keeps one (named by path in a YAML config):
 * every article needs `params.editor`, `params.sensor` must never be
 * published, an empty `kunci` option is a problem of the config, and a
 * key the search engine refuses one found after the build.
 */
const PLUGIN = `
export default function wajibEditor({ kunci = '' } = {}) {
  return {
    name: 'wajib-editor',
    options: { kunci },
    configResolved(config, context) {
      if (kunci === '') context.warn('Opsi kunci kosong', { rule: 'kunci-kosong' });
    },
    siteModel(site, context) {
      for (const article of site.articles) {
        if (!article.params.editor)
          context.warn('Berita tanpa editor', { article, rule: 'editor-wajib', hint: 'Tulis params.editor.' });
        if (article.params.sensor) context.error('Berita ini disensor', { article, line: 2, rule: 'sensor' });
      }
    },
    buildEnd(report, context) {
      if (kunci === 'ditolak') context.error('IndexNow menolak kunci', { rule: 'indexnow' });
      if (kunci === 'putus') throw new Error('IndexNow tidak menjawab');
    },
  };
}
`;

function createSite(): string {
  return createFixtureSite({
    'newsgen.config.yaml': 'title: Warta\nbaseUrl: https://warta.example/\nplugins:\n  - ./plugins/wajib-editor.mjs\n',
    'plugins/wajib-editor.mjs': PLUGIN,
    'content/ekonomi/kopi.md': article({ title: 'Kopi', params: '{ editor: Ani }' }),
    'content/ekonomi/cabai.md': article({ title: 'Cabai' }),
    'content/nasional/banjir.md': article({ title: 'Banjir', date: '2016-09-10 08:00' }),
  });
}

async function run(dir: string, ...args: string[]) {
  return await runMain(dir, [...args, '--now', NOW]);
}

type Reported = { file: string; line?: number; severity: string; message: string; ruleId: string };

function pluginProblems(stdout: string): Reported[] {
  const report = JSON.parse(stdout) as { diagnostics: Reported[] };
  return report.diagnostics.filter((found) => found.message.includes('(plugin "wajib-editor")'));
}

describe('problems plugins report from their hooks', { timeout: 60_000 }, () => {
  it('are warnings at the article’s file with the plugin’s rule id, printed, counted, in --json, the same cold and warm', async () => {
    const dir = createSite();
    const cold = await run(dir, 'build', '--json');
    expect(cold.code, cold.stderr).toBe(0);
    const expected = [
      { file: 'content/ekonomi/cabai.md', severity: 'warning', ruleId: 'wajib-editor/editor-wajib' },
      { file: 'content/nasional/banjir.md', severity: 'warning', ruleId: 'wajib-editor/editor-wajib' },
      { file: 'newsgen.config.yaml', severity: 'warning', ruleId: 'wajib-editor/kunci-kosong' },
    ];
    expect(pluginProblems(cold.stdout)).toMatchObject(expected);
    expect(JSON.parse(cold.stdout).warnings).toBe(3);
    expect(cold.stderr).toMatch(
      /content\/ekonomi\/cabai\.md\s+warning\s+Berita tanpa editor \(plugin "wajib-editor"\)\s+wajib-editor\/editor-wajib\n\s+hint: Tulis params\.editor\./,
    );
    expect(cold.stderr).toContain('⚠ 3 warnings');
    // A warm build of another change: the cached articles are not processed again, the hooks still report.
    writeFileSync(
      path.join(dir, 'content/ekonomi/kopi.md'),
      article({ title: 'Kopi Toraja', params: '{ editor: Ani }' }),
    );
    const warm = await run(dir, 'build', '--json');
    expect(warm.code, warm.stderr).toBe(0);
    expect(JSON.parse(warm.stdout).upToDate).toBe(false);
    expect(pluginProblems(warm.stdout)).toEqual(pluginProblems(cold.stdout));
    // Nothing changed at all: the config hook's warning is still given (it runs on every build).
    const upToDate = await run(dir, 'build', '--json');
    expect(JSON.parse(upToDate.stdout).upToDate).toBe(true);
    expect(pluginProblems(upToDate.stdout).map((found) => found.ruleId)).toContain('wajib-editor/kunci-kosong');
    // --strict makes them fail the build, as every warning.
    expect((await run(dir, 'build', '--strict')).code).toBe(1);
  });

  it('are in newsgen check and its GitHub annotations', async () => {
    const dir = createSite();
    const check = await run(dir, 'check', '--json');
    expect(check.code, check.stderr).toBe(0);
    expect(validateReport(JSON.parse(check.stdout)), JSON.stringify(validateReport.errors)).toBe(true);
    expect(pluginProblems(check.stdout).map((found) => found.ruleId)).toEqual([
      'wajib-editor/editor-wajib',
      'wajib-editor/editor-wajib',
      'wajib-editor/kunci-kosong',
    ]);
    const github = await run(dir, 'check', '--format', 'github');
    expect(github.stdout).toContain(
      '::warning file=content/ekonomi/cabai.md,title=wajib-editor/editor-wajib::Berita tanpa editor (plugin "wajib-editor")',
    );
  });

  it('fail the build when one is an error, with every problem, writing nothing; check reports it too', async () => {
    const dir = createSite();
    expect((await run(dir, 'build')).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(
      path.join(dir, 'content/nasional/rahasia.md'),
      article({ title: 'Rahasia', params: '{ sensor: true }' }),
    );
    const failed = await run(dir, 'build');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /content\/nasional\/rahasia\.md:2:1\s+error\s+Berita ini disensor \(plugin "wajib-editor"\)\s+wajib-editor\/sensor/,
    );
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    const check = await run(dir, 'check', '--json');
    expect(check.code).toBe(1);
    expect(pluginProblems(check.stdout)).toContainEqual(
      expect.objectContaining({
        file: 'content/nasional/rahasia.md',
        line: 2,
        severity: 'error',
        ruleId: 'wajib-editor/sensor',
      }),
    );
  });

  it('from buildEnd, exit 1 with the output in place', async () => {
    const dir = createSite();
    writeFileSync(
      path.join(dir, 'newsgen.config.yaml'),
      'title: Warta\nbaseUrl: https://warta.example/\nplugins:\n  - [./plugins/wajib-editor.mjs, { kunci: ditolak }]\n',
    );
    const failed = await run(dir, 'build');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /newsgen\.config\.yaml\s+error\s+IndexNow menolak kunci \(plugin "wajib-editor"\)\s+wajib-editor\/indexnow/,
    );
    expect(failed.stderr).toContain('output is in place');
    expect(snapshotTree(path.join(dir, 'dist')).has('ekonomi/kopi/index.html')).toBe(true);
  });

  it.each(['ditolak', 'putus'])(
    'from buildEnd (%s), with the files it wrote in the change manifest and the report',
    async (kunci) => {
      const dir = createSite();
      const config = (option: string) =>
        `title: Warta\nbaseUrl: https://warta.example/\nplugins:\n  - [./plugins/wajib-editor.mjs, { kunci: ${option} }]\n`;
      expect((await run(dir, 'build')).code).toBe(0);
      writeFileSync(
        path.join(dir, 'content/ekonomi/kopi.md'),
        article({ title: 'Kopi naik', params: '{ editor: Ani }' }),
      );
      writeFileSync(path.join(dir, 'newsgen.config.yaml'), config(kunci));
      const failed = await run(dir, 'build', '--changes', 'changes.json', '--json');
      expect(failed.code).toBe(1);
      // The output and the cache hold the new page: the next build has nothing to list, so this manifest
      // is the only one that names it (it was empty, and the page was never uploaded).
      const manifest = JSON.parse(readFileSync(path.join(dir, 'changes.json'), 'utf8')) as {
        written: { path: string }[];
      };
      expect(manifest.written.map((file) => file.path)).toContain('ekonomi/kopi/index.html');
      const report = JSON.parse(failed.stdout) as { ok: boolean; files: { written: string[] } };
      expect(report.ok).toBe(false);
      expect(report.files.written).toEqual(manifest.written.map((file) => file.path));
      expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
      writeFileSync(path.join(dir, 'newsgen.config.yaml'), config(kunci));
      expect((await run(dir, 'build', '--changes', 'changes.json')).code).toBe(1);
      expect(JSON.parse(readFileSync(path.join(dir, 'changes.json'), 'utf8'))).toEqual({ written: [], deleted: [] });
    },
  );
});
