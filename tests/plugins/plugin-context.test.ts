import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPluginReporter } from '../../src/plugins/plugin-context.js';

const ROOT = path.resolve('/situs');
const FILES = {
  root: ROOT,
  contentDir: path.join(ROOT, 'content'),
  fallback: path.join(ROOT, 'newsgen.config.mjs'),
};

describe('a plugin hook’s context', () => {
  it('turns warnings and errors into diagnostics naming the plugin, at the article’s file, a file or the config file', () => {
    const reporter = createPluginReporter('newsgen-plugin-warta', FILES);
    const { warn, error } = reporter.context;
    warn('Berita tanpa penulis', { article: { sourcePath: 'ekonomi/kopi.md' }, rule: 'penulis-wajib', line: 2 });
    error('Kunci IndexNow tidak ada', { hint: 'Set INDEXNOW_KEY.' });
    warn('Data tidak terbaca', { file: 'data/rubrik.yaml', line: 3, column: 5 });
    expect(reporter.diagnostics()).toEqual([
      {
        file: 'content/ekonomi/kopi.md',
        place: { line: 2, column: 1 },
        severity: 'warning',
        reason: 'Berita tanpa penulis (plugin "newsgen-plugin-warta")',
        ruleId: 'newsgen-plugin-warta/penulis-wajib',
      },
      {
        file: 'data/rubrik.yaml',
        place: { line: 3, column: 5 },
        severity: 'warning',
        reason: 'Data tidak terbaca (plugin "newsgen-plugin-warta")',
        ruleId: 'plugin-warning',
      },
      {
        file: 'newsgen.config.mjs',
        severity: 'error',
        reason: 'Kunci IndexNow tidak ada (plugin "newsgen-plugin-warta")',
        ruleId: 'plugin-error',
        hint: 'Set INDEXNOW_KEY.',
      },
    ]);
  });

  it('gives the same list whatever order the plugin reported in', () => {
    const lists = [
      ['b.md', 'a.md'],
      ['a.md', 'b.md'],
    ].map((order) => {
      const reporter = createPluginReporter('p', FILES);
      for (const sourcePath of order) reporter.context.warn('Kurang', { article: { sourcePath } });
      return reporter.diagnostics();
    });
    expect(lists[0]).toEqual(lists[1]);
    expect(lists[0]?.map((found) => found.file)).toEqual(['content/a.md', 'content/b.md']);
  });

  it('refuses a malformed report, and one made after the hook finished, as the plugin’s bug', () => {
    const reporter = createPluginReporter('p', FILES);
    const { warn } = reporter.context;
    expect(() => warn('')).toThrow('needs a message');
    expect(() => warn('x', { rule: 'Penulis Wajib' })).toThrow('kebab-case');
    expect(() => warn('x', { line: 0 })).toThrow('line 0');
    expect(() => warn('x', { column: 3 })).toThrow('column needs a line');
    expect(() => warn('x', { article: {} as { sourcePath: string } })).toThrow('site.articles');
    expect(reporter.diagnostics()).toEqual([]);
    expect(() => warn('terlambat')).toThrow('after its hook had finished');
  });
});
