import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite, runCli } from '../helpers/fixture-site.js';

const NOW = '2026-11-27T00:00:00Z';

// Found by a review: a cache folder that cannot be made crashed the build, as a bug, after all its work.
describe('a build whose cache folder cannot be kept', { timeout: 60_000 }, () => {
  it('builds without it, with a warning naming why, and check checks without it', () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://warta.example/' }),
      'content/ekonomi/harga-beras.md': article({ title: 'Harga Beras Turun' }),
    });
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', '.cache'), 'not a folder');
    const build = runCli(dir, ['build', '--now', NOW]);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain('Warning: building without the cache (');
    expect(build.stderr).toContain('node_modules/.cache is not a folder');
    expect(build.stderr).not.toMatch(/crashed|\n\s+at /);
    expect(existsSync(path.join(dir, 'dist', 'ekonomi', 'harga-beras', 'index.html'))).toBe(true);
    const check = runCli(dir, ['check', '--now', NOW]);
    expect(check.code).toBe(0);
    expect(check.stderr).not.toMatch(/crashed|\n\s+at /);
  });
});
