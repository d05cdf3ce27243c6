import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = '2026-11-27T00:00:00+07:00';

/**
 * A plugin giving a map page with a lead image and body images from
 * `static/`, an old address and a draft; `PETA` switches it to giving a
 * relative image, in the lead or the body.
 */
const PLUGIN = `
export default {
  name: 'peta',
  pages() {
    const relative = process.env.PETA;
    return [
      {
        path: '/peta/banjir/',
        title: 'Peta Banjir',
        image: relative === 'lead' ? 'peta.png' : { src: '/images/foto.jpg', alt: 'Genangan', credit: 'Warta' },
        aliases: ['/peta-lama/'],
        markdown: 'Peta terbaru.\\n\\n![Peta genangan](/images/peta.png)\\n\\n' +
          (relative === 'body' ? '![Dekat](./dekat.png)\\n\\n' : '') +
          '![](/images/peta.png)\\n\\n![Hilang](/images/hilang.png)\\n',
      },
      { path: '/peta/rahasia/', title: 'Rahasia', draft: true },
    ];
  },
};
`;

let photo: Buffer;
let map: Buffer;
let otherMap: Buffer;
beforeAll(async () => {
  photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#369' } })
    .jpeg()
    .toBuffer();
  const create = (background: string) =>
    sharp({ create: { width: 400, height: 300, channels: 3, background } })
      .png()
      .toBuffer();
  map = await create('#0a6');
  otherMap = await create('#a60');
});

function createSite(): string {
  return createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Warta',
      baseUrl: 'https://warta.example/',
      plugins: ['./plugins/peta.mjs'],
      images: { widths: [160, 320], cardWidths: [120] },
    }),
    'plugins/peta.mjs': PLUGIN,
    'content/ekonomi/kopi.md': article({ title: 'Kopi', date: '2026-11-20 09:00' }),
    'static/images/foto.jpg': photo,
    'static/images/peta.png': map,
  });
}

async function build(dir: string, ...args: string[]) {
  const run = await runMain(dir, ['build', '--now', NOW, '--json', ...args]);
  const report = JSON.parse(run.stdout || '{"files":{"written":[]}}') as { files: { written: string[] } };
  return { ...run, ...report };
}

function dom(dir: string, file: string): Document {
  const html = readFileSync(path.join(dir, file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe('a plugin page’s images', { timeout: 120_000 }, () => {
  it('go through the image pipeline as a content page’s, with its warnings, the same bytes warm and cold, and a changed image re-encoded', async () => {
    const dir = createSite();
    const cold = await build(dir, '--out', 'cold');
    expect(cold.code, cold.stderr).toBe(0);
    const page = dom(dir, 'cold/peta/banjir/index.html');
    const lead = page.querySelector('picture img[alt="Genangan"]');
    expect(lead?.getAttribute('src')).toMatch(/^\/_images\/foto-/);
    expect(lead?.getAttribute('width')).toBeTruthy();
    const body = page.querySelector('picture img[alt="Peta genangan"]');
    expect(body?.getAttribute('src')).toMatch(/^\/_images\/peta-/);
    expect(body?.getAttribute('loading')).toBe('lazy');
    expect(body?.getAttribute('height')).toBeTruthy();
    expect(body?.closest('picture')?.querySelector('source[type="image/avif"]')?.getAttribute('srcset')).toContain(
      '/_images/peta-',
    );
    // The same warnings as a content page's, naming the plugin, the page and the Markdown's line.
    expect(cold.stderr).toMatch(/plugin "peta" \/peta\/banjir\/:7:1\s+warning\s+Missing image file .*image-missing/);
    expect(cold.stderr).toMatch(/plugin "peta" \/peta\/banjir\/:5:1\s+warning\s.*image-alt-missing/);
    const tree = snapshotTree(path.join(dir, 'cold'));
    const warm = await build(dir, '--out', 'cold');
    expect(warm.files.written).toEqual([]);
    expect(snapshotTree(path.join(dir, 'cold'))).toEqual(tree);

    writeFileSync(path.join(dir, 'static/images/peta.png'), otherMap);
    const changed = await build(dir, '--out', 'cold');
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.files.written).toContain('peta/banjir/index.html');
    expect(changed.files.written.some((file) => file.startsWith('_images/peta-'))).toBe(true);
    expect((await build(dir, '--out', 'fresh', '--no-cache')).code).toBe(0);
    expect(snapshotTree(path.join(dir, 'cold'))).toEqual(snapshotTree(path.join(dir, 'fresh')));
  });

  it('are errors naming the plugin and the page when relative: the page has no folder for them to be in', async () => {
    const dir = createSite();
    try {
      process.env['PETA'] = 'lead';
      const lead = await runMain(dir, ['build', '--now', NOW]);
      expect(lead.code).toBe(1);
      expect(lead.stderr).toMatch(
        /plugin "peta" \/peta\/banjir\/\s+error\s+Unexpected relative image path "peta\.png" in `image`, expected a path from the site's root such as \/peta\.png \(for static\/peta\.png\).*image-outside/,
      );
      process.env['PETA'] = 'body';
      const body = await runMain(dir, ['build', '--now', NOW]);
      expect(body.code).toBe(1);
      expect(body.stderr).toMatch(
        /plugin "peta" \/peta\/banjir\/:5:1\s+error\s+Unexpected relative image path "\.\/dekat\.png", expected a path from the site's root such as \/dekat\.png/,
      );
    } finally {
      delete process.env['PETA'];
    }
  });

  it('come with the page’s old addresses and its draft state', async () => {
    const dir = createSite();
    expect((await build(dir)).code).toBe(0);
    const redirect = readFileSync(path.join(dir, 'dist/peta-lama/index.html'), 'utf8');
    expect(redirect).toContain('/peta/banjir/');
    const published = await build(dir, '--out', 'published');
    expect(published.files.written.some((file) => file.startsWith('peta/rahasia/'))).toBe(false);
    const drafts = await build(dir, '--out', 'drafts', '--drafts');
    expect(drafts.files.written).toContain('peta/rahasia/index.html');
  });
});
