import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = ['--now', '2026-11-20T12:00:00+07:00'];
const CONFIG = { title: 'Warta Uji', baseUrl: 'https://uji.example/' };

/** The lines of `text` with `code`. */
function linesWith(text: string, code: string): string[] {
  return text.split('\n').filter((line) => line.includes(code));
}

describe('an invisible or reordering character in an address the site publishes', () => {
  it('is a url-invisible-character error at each alias, all in one run, and dist/ is kept', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify(CONFIG),
      'content/ekonomi/satu.md': article({ date: '2026-11-19 09:00' }),
    });
    const first = await runMain(site, ['build', ...NOW]);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshotTree(path.join(site, 'dist'));
    writeFileSync(
      path.join(site, 'content/ekonomi/dua.md'),
      article({ title: 'Dua', date: '2026-11-18 09:00', aliases: '["/lama/dua/", "/berita/\u202Egpj.exe/"]' }),
    );
    writeFileSync(
      path.join(site, 'content/ekonomi/tiga.md'),
      article({ title: 'Tiga', date: '2026-11-17 09:00', aliases: '/lama/%E2%80%8Btiga/' }),
    );
    writeFileSync(path.join(site, 'content/ekonomi/empat.md'), article({ title: 'Empat', slug: '"em\\u202Epat"' }));
    const built = await runMain(site, ['build', ...NOW]);
    expect(built.code).toBe(1);
    expect(linesWith(built.stderr, 'url-invisible-character')).toEqual([
      expect.stringMatching(
        /^content\/ekonomi\/dua\.md:6:25\s+error\s+Unexpected \\u202E \(RIGHT-TO-LEFT OVERRIDE\) in alias "\/berita\/\\u202Egpj\.exe\/"/,
      ),
      expect.stringMatching(
        /^content\/ekonomi\/tiga\.md:6:10\s+error\s+Unexpected \\u200B \(ZERO WIDTH SPACE\) in alias "\/lama\/%E2%80%8Btiga\/"/,
      ),
    ]);
    // A slug is checked as one already: it must be what slugify makes of it, which holds no such character.
    expect(built.stderr).toMatch(/content\/ekonomi\/empat\.md:\d+:\d+\s+error\s+Unexpected slug "em\\u202epat"/);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(before);
  });

  it('is a url-invisible-character error at each config redirect and the permalink', async () => {
    const config = {
      ...CONFIG,
      permalink: '/:section/\u200F:slug/',
      redirects: [
        { from: '/lama/', to: '/ekonomi/' },
        { from: '/\u202Dpromo/', to: '/ekonomi/' },
        { from: '/iklan/', to: '/%E2%81%A6ekonomi/' },
      ],
    };
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify(config, null, 2),
      'content/ekonomi/satu.md': article({ date: '2026-11-19 09:00' }),
    });
    const built = await runMain(site, ['build', ...NOW]);
    expect(built.code).toBe(1);
    expect(linesWith(built.stderr, 'url-invisible-character')).toEqual([
      expect.stringMatching(
        /^newsgen\.config\.json:4:16\s+error\s+Unexpected \\u200F \(RIGHT-TO-LEFT MARK\) in permalink/,
      ),
      expect.stringMatching(/^newsgen\.config\.json:11:15\s+error\s+Unexpected \\u202D .* in from "\/\\u202Dpromo\/"/),
      expect.stringMatching(
        /^newsgen\.config\.json:16:13\s+error\s+Unexpected \\u2066 .* in to "\/%E2%81%A6ekonomi\/"/,
      ),
    ]);
    expect(existsSync(path.join(site, 'dist'))).toBe(false);
  });

  it('in a static or page bundle file name is a warning; Arabic and percent-encoded addresses build', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify(CONFIG),
      'content/ekonomi/satu.md': article({
        date: '2026-11-19 09:00',
        aliases: '["/أخبار/الاقتصاد/", "/berita/%E6%97%A5%E6%9C%AC/", "/berita/日本語/"]',
      }),
      'content/ekonomi/dua/index.md': article({ title: 'Dua', date: '2026-11-18 09:00' }),
      'content/ekonomi/dua/foto\u200B.jpg': 'x',
      'static/files/laporan\u202Efdp.exe': 'x',
      'static/files/تقرير.pdf': 'x',
    });
    const built = await runMain(site, ['build', ...NOW]);
    expect(built.code, built.stderr).toBe(0);
    expect(linesWith(built.stderr, 'url-invisible-character')).toEqual([
      expect.stringMatching(/^content\/ekonomi\/dua\/foto\\u200B\.jpg\s+warning\s+Unexpected \\u200B/),
      expect.stringMatching(
        /^static\/files\/laporan\\u202Efdp\.exe\s+warning\s+Unexpected \\u202E .* at \/files\/laporan\\u202Efdp\.exe/,
      ),
    ]);
    expect(readdirSync(path.join(site, 'dist/أخبار'))).toEqual(['الاقتصاد']);
    expect(existsSync(path.join(site, 'dist/berita/日本'))).toBe(true);
  });

  it('in a rule of static/_redirects is a url-invisible-character error at the rule, and dist/ is kept', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify(CONFIG),
      'content/ekonomi/satu.md': article({ date: '2026-11-19 09:00' }),
    });
    expect((await runMain(site, ['build', ...NOW])).code).toBe(0);
    const before = snapshotTree(path.join(site, 'dist'));
    mkdirSync(path.join(site, 'static'), { recursive: true });
    writeFileSync(path.join(site, 'static/_redirects'), '# lama\n  /promo\u2067/ /ekonomi/ 301\n');
    const built = await runMain(site, ['build', ...NOW]);
    expect(built.code).toBe(1);
    expect(linesWith(built.stderr, 'url-invisible-character')).toEqual([
      expect.stringMatching(
        /^static\/_redirects:2:3\s+error\s+Unexpected \\u2067 \(RIGHT-TO-LEFT ISOLATE\) in the rule "\/promo\\u2067\/ \/ekonomi\/ 301"/,
      ),
    ]);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(before);
  });

  it('in a rule of static/_redirects is reported in the same run as a broken article', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify(CONFIG),
      'content/ekonomi/satu.md': article({ date: '2026-11-19 09:00' }),
      'content/ekonomi/rusak.md': '---\ndate: 2026-11-18 09:00\nsection: ekonomi\n---\n\nTanpa judul.\n',
      'static/_redirects': '/promo\u2067/ /ekonomi/ 301\n',
    });
    const built = await runMain(site, ['build', ...NOW]);
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^content\/ekonomi\/rusak\.md:\d+:\d+\s+error\s+.*title/m);
    expect(linesWith(built.stderr, 'url-invisible-character')).toEqual([
      expect.stringMatching(/^static\/_redirects:1:1\s+error\s+Unexpected \\u2067 \(RIGHT-TO-LEFT ISOLATE\)/),
    ]);
    expect(existsSync(path.join(site, 'dist'))).toBe(false);
  });
});
