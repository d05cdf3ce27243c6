import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';
import { COMPONENTS_ARTICLE, COMPONENTS_SITE } from '../theme/components-site.js';

const NOW = '2026-11-27T12:00:00+07:00';
const OVERRIDE = 'templates/partials/embeds/youtube.hbs';
/** A site's own ::youtube markup: a plain link card, every value escaped by Handlebars. */
const MY_YOUTUBE =
  '<aside class="my-video" data-id="{{id}}"><a href="https://youtu.be/{{id}}">{{title}}</a>{{#if caption}} <small>{{caption}}</small>{{/if}}</aside>\n';

async function build(dir: string, ...args: string[]): Promise<Map<string, string>> {
  const run = await runMain(dir, ['build', '--now', NOW, '--quiet', ...args]);
  expect(run.code, run.stderr).toBe(0);
  const out = args.includes('--out') ? (args[args.indexOf('--out') + 1] ?? '') : 'dist';
  const files = snapshotTree(path.join(dir, out));
  return new Map([...files].map(([file, bytes]) => [file, Buffer.from(bytes, 'base64').toString('utf8')]));
}

function parse(html: string | undefined): Document {
  return new DOMParser().parseFromString(html ?? '', 'text/html') as unknown as Document;
}

function writeOverride(dir: string, source: string): void {
  mkdirSync(path.dirname(path.join(dir, OVERRIDE)), { recursive: true });
  writeFileSync(path.join(dir, OVERRIDE), source);
}

// Timeout: whole-site builds in this process, three of them in the cache test.
describe('component partials (issue 23)', { timeout: 60_000 }, () => {
  test("a site's partials/embeds/youtube.hbs replaces the theme's ::youtube markup on pages and in feeds", async () => {
    const dir = createFixtureSite({
      ...COMPONENTS_SITE,
      [OVERRIDE]: MY_YOUTUBE,
      'content/nasional/banjir-rob.md': (COMPONENTS_SITE['content/nasional/banjir-rob.md'] ?? '').replace(
        'caption="Rekaman warga, Senin pagi."',
        'caption="Rekaman <warga> & \'tamu\'"',
      ),
    });
    const files = await build(dir, '--no-cache');
    const article = parse(files.get(COMPONENTS_ARTICLE));
    const mine = article.querySelector('article aside.my-video');
    expect(mine?.getAttribute('data-id')).toBe('pH7sNw4cJ0e');
    expect(mine?.querySelector('a')?.getAttribute('href')).toBe('https://youtu.be/pH7sNw4cJ0e');
    expect(mine?.querySelector('small')?.textContent).toBe("Rekaman <warga> & 'tamu'");
    expect(files.get(COMPONENTS_ARTICLE)).toContain('Rekaman &lt;warga&gt; &amp; &#x27;tamu&#x27;');
    // The other components keep the theme's markup.
    expect(article.querySelectorAll('a.embed-facade[data-embed="youtube"]')).toHaveLength(0);
    expect(article.querySelector('a.embed-facade[data-embed="vimeo"]')).not.toBeNull();
    expect(article.querySelector('figure.gallery')).not.toBeNull();
    expect(files.get('feed.xml')).toContain('my-video');
  });

  test('a site with its own partial still gets every problem of a component at its line, and no pages', async () => {
    const dir = createFixtureSite({
      ...COMPONENTS_SITE,
      [OVERRIDE]: MY_YOUTUBE,
      'content/nasional/salah.md':
        '---\ntitle: Salah Tulis\ndate: 2026-11-21 08:00\nauthor: Dewi Anggraini\n---\nTeks.\n\n::youtube[Video]{id=pendek}\n\n::youtub[Video]{id=pH7sNw4cJ0e}\n',
    });
    const run = await runMain(dir, ['build', '--now', NOW, '--no-cache']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /content\/nasional\/salah\.md:8:1 +error +Unexpected id "pendek" in ::youtube, expected the 11-character video id .* +embed-invalid/,
    );
    expect(run.stderr).toMatch(/content\/nasional\/salah\.md:10:1 +error +Unknown component ::youtub +embed-unknown/);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a warm build after a component partial changes equals a cold build', async () => {
    const dir = createFixtureSite(COMPONENTS_SITE);
    const before = await build(dir);
    expect(before.get(COMPONENTS_ARTICLE)).toContain('class="embed-facade"');

    writeOverride(dir, MY_YOUTUBE);
    const warm = await build(dir);
    expect(warm.get(COMPONENTS_ARTICLE)).toContain('class="my-video"');
    expect(await build(dir, '--no-cache', '--out', 'cold')).toEqual(warm);

    writeOverride(dir, MY_YOUTUBE.replace('my-video', 'video-kita'));
    const edited = await build(dir);
    expect(edited.get(COMPONENTS_ARTICLE)).toContain('class="video-kita"');
    expect(await build(dir, '--no-cache', '--out', 'cold2')).toEqual(edited);
    expect(readFileSync(path.join(dir, 'dist', 'feed.xml'), 'utf8')).toContain('video-kita');
  });
});
