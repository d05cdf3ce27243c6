import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite, runCli } from '../helpers/fixture-site.js';

/** A plugin whose `pages` hook gives one page without a title. */
const PLUGIN = `
export default {
  name: 'kurs',
  pages: () => [
    { path: '/kurs/usd/', title: 'Kurs USD', markdown: 'Rp16.000' },
    { path: '/kurs/eur/', summary: 'Kurs EUR' },
  ],
};
`;

describe('newsgen build with a plugin giving pages', { timeout: 60_000 }, () => {
  it('exits 1 with one line naming the plugin, the field and the page, no stack trace, and writes nothing', () => {
    const dir = createFixtureSite({
      'newsgen.config.mjs':
        "import kurs from './kurs.mjs';\nexport default { title: 'Warta', baseUrl: 'https://warta.example/', plugins: [kurs] };\n",
      'kurs.mjs': PLUGIN,
      'content/ekonomi/kopi.md': article(),
    });
    const run = runCli(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `newsgen.config.mjs  error  Missing pages[1].title, expected the page's title (plugin "kurs", page /kurs/eur/)  plugin-error`,
    );
    expect(run.stderr).toContain('hint: The page comes from the plugin "kurs"');
    expect(run.stderr).toContain('Build failed: 1 error in 1 file (plugins)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
