import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';
import { startServe, waitFor } from '../server/start-serve.js';

/**
 * A TypeScript config that counts its runs in `runs.log` beside it, with a
 * plugin whose hooks leave traces (and an unknown key, warned about).
 */
function countingConfig(dir: string): string {
  const log = JSON.stringify(path.join(dir, 'runs.log'));
  return `
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NewsgenPlugin } from 'newsgen';

appendFileSync(${log}, 'run\\n');

const jejak: NewsgenPlugin = {
  name: 'jejak',
  siteModel: (site) => ({ jumlah: site.articles.length }),
  buildEnd: (report) => writeFileSync(path.join(report.outDir, 'jejak.txt'), String(report.articles)),
};

export default { title: 'Warta', baseUrl: 'https://warta.example/', plugins: [jejak], judul: 'salah ketik' };
`;
}

/** A site with one article and the counting config (which needs the site's folder to name its log). */
function createSite(): string {
  const dir = createFixtureSite({ 'content/ekonomi/kopi.md': article({ title: 'Kopi' }) });
  writeFileSync(path.join(dir, 'newsgen.config.ts'), countingConfig(dir));
  return dir;
}

function runs(dir: string): number {
  return existsSync(path.join(dir, 'runs.log'))
    ? readFileSync(path.join(dir, 'runs.log'), 'utf8').split('\n').length - 1
    : 0;
}

describe('a TypeScript config with plugins', { timeout: 60_000 }, () => {
  it('runs once for a build or a check on one thread: the plugins resolveConfig read are the ones the build uses', async () => {
    const dir = createSite();
    const build = await runMain(dir, ['build', '--concurrency', '1', '--quiet']);
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist', 'jejak.txt'), 'utf8')).toBe('1');
    expect(runs(dir)).toBe(1);
    const check = await runMain(dir, ['check', '--concurrency', '1', '--quiet']);
    expect(check.code, check.stderr).toBe(0);
    expect(runs(dir)).toBe(2);
  });

  it('runs once when serve starts and once for each edit of it', async () => {
    const dir = createSite();
    const serve = await startServe(dir, ['serve', '--port', '0', '--concurrency', '1']);
    try {
      // It ran three times: for the config, again for serve's own baseUrl, and for the plugins' code.
      expect(runs(dir), serve.stderr()).toBe(1);
      expect(serve.stderr().split('Unknown config key `judul`').length - 1, serve.stderr()).toBe(1);
      expect(readFileSync(path.join(dir, 'dist', 'jejak.txt'), 'utf8')).toBe('1');
      appendFileSync(path.join(dir, 'newsgen.config.ts'), '// disunting\n');
      // Twice: read again, then again for the plugins' code when the session reopened.
      expect(await waitFor(() => serve.stderr().includes('Rebuilt'))).toBe(true);
      expect(runs(dir), serve.stderr()).toBe(2);
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});
