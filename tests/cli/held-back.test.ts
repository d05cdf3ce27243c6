import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

describe('newsgen build tells what it held back', () => {
  it('names scheduled articles with the next date and drafts, and publishes a scheduled one with the first build after it', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Warta',
        baseUrl: 'https://warta.example/',
        timeZone: 'Asia/Jakarta',
      }),
      'content/kota/durian.md': article({ title: 'Durian montong', date: '2026-11-20 09:00' }, 'Musim durian.\n'),
      'content/kota/embargo.md': article({ title: 'Laporan embargo', date: '2026-11-21 06:00' }, 'Isi laporan.\n'),
      'content/kota/nanti.md': article({ title: 'Laporan nanti', date: '2026-11-25 06:00' }, 'Isi laporan.\n'),
      'content/kota/draf.md': article({ title: 'Draf', date: '2026-11-20 08:00', draft: 'true' }, 'Belum.\n'),
    });
    const before = await runMain(site, ['build', '--now', '2026-11-20T12:00:00+07:00']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr).toContain(
      'Held back: 2 scheduled articles (the next is dated 2026-11-21T06:00:00+07:00 and appears with the first build after that; --future builds them now) and 1 draft (draft: true; --drafts builds it)',
    );
    expect(existsSync(path.join(site, 'dist/kota/embargo/index.html'))).toBe(false);
    // A scheduled CI run with nothing due finds the site up to date, and still says what waits.
    const idle = await runMain(site, ['build', '--now', '2026-11-20T18:00:00+07:00']);
    expect(idle.stderr).toContain('Up to date');
    expect(idle.stderr).toContain('Held back: 2 scheduled articles (the next is dated 2026-11-21T06:00:00+07:00');

    const after = await runMain(site, ['build', '--now', '2026-11-21T06:00:00+07:00']);
    expect(after.stderr).toContain('Held back: 1 scheduled article (it is dated 2026-11-25T06:00:00+07:00');
    expect(existsSync(path.join(site, 'dist/kota/embargo/index.html'))).toBe(true);

    const quiet = await runMain(site, ['build', '--now', '2026-11-26T06:00:00+07:00', '--quiet']);
    expect(quiet.stderr).not.toContain('Held back');
    const drafts = await runMain(site, ['build', '--now', '2026-11-26T06:00:00+07:00', '--drafts']);
    expect(drafts.stderr).not.toContain('Held back');
  });
});
