import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, test } from 'vitest';
import { snapshotTree } from '../helpers/fixture-site.js';
import {
  archiveSite,
  closeSessions,
  coldBuildWithWarnings,
  expectCold,
  openSession,
  write,
} from '../helpers/publish-session.js';

afterEach(closeSessions);

// Each test runs a session through several changes and a cold build after each.
describe('a serve session publishing and removing articles (issue 19)', { timeout: 120_000 }, () => {
  test('publishing the newest article, then others, then removing them, patches the model and writes what cold builds write', async () => {
    const dir = archiveSite();
    const session = await openSession(dir);
    const first = write(dir, 'ekonomi/terbaru.md', {
      title: '"Berita terbaru"',
      date: '2016-11-29 08:00',
      tags: '[Pasar 1]',
      author: 'Rina Sari',
    });
    expect(await session.build({ changed: [first] })).toBe(true);
    await expectCold(dir);
    // Another spelling of a tag: its name (the commonest spelling) is worked out again.
    const second = write(dir, 'nasional/lebih-baru.md', {
      title: '"Lebih baru"',
      date: '2016-11-29 09:00',
      tags: '[pasar 2]',
      author: 'Budi',
      featured: 'true',
    });
    expect(await session.build({ changed: [second] })).toBe(true);
    await expectCold(dir);
    rmSync(second);
    expect(await session.build({ removed: [second] })).toBe(true);
    await expectCold(dir);
    rmSync(first);
    expect(await session.build({ removed: [first] })).toBe(true);
    await expectCold(dir);
    // A model built again after patches: the pages it keeps are chosen by the patched history and index.
    const backdated = write(dir, 'nasional/mundur.md', { title: '"Mundur"', date: '2016-11-20 08:00', author: 'Budi' });
    expect(await session.build({ changed: [backdated] })).toBe(false);
    await expectCold(dir);
    const again = write(dir, 'ekonomi/sekali-lagi.md', {
      title: '"Sekali lagi"',
      date: '2016-11-29 10:00',
      author: 'Budi',
    });
    expect(await session.build({ changed: [again] })).toBe(true);
    await expectCold(dir);
  });

  test('a title edit after a publish renders what a cold build renders', async () => {
    const dir = archiveSite();
    const session = await openSession(dir);
    const added = write(dir, 'ekonomi/terbaru.md', {
      title: '"Berita terbaru"',
      date: '2016-11-29 08:00',
      tags: '[Pasar 1]',
      author: 'Budi',
    });
    expect(await session.build({ changed: [added] })).toBe(true);
    write(dir, 'ekonomi/terbaru.md', {
      title: '"Judul baru"',
      date: '2016-11-29 08:00',
      tags: '[Pasar 1]',
      author: 'Budi',
    });
    await session.build({ changed: [added] });
    await expectCold(dir);
    // An older article's title, shown on listings the publish made again and on kept pages alike.
    const older = write(dir, 'ekonomi/berita-26.md', {
      title: '"Berita lama disunting"',
      date: '2016-11-27 08:00',
      tags: '[Pasar 2]',
      author: 'Rina Sari',
    });
    await session.build({ changed: [older] });
    await expectCold(dir);
  });

  test('publishing a backdated article, deleting an older one, and a new tag or section build the model again, exactly', async () => {
    const dir = archiveSite();
    const session = await openSession(dir);
    const backdated = write(dir, 'ekonomi/lama.md', {
      title: '"Berita lama"',
      date: '2016-10-05 07:30',
      tags: '[Pasar 2]',
    });
    expect(await session.build({ changed: [backdated] })).toBe(false);
    await expectCold(dir);
    const older = path.join(dir, 'content/nasional/berita-3.md');
    rmSync(older);
    expect(await session.build({ removed: [older] })).toBe(false);
    await expectCold(dir);
    const tagged = write(dir, 'ekonomi/tag-baru.md', {
      title: '"Tag baru"',
      date: '2016-11-29 08:00',
      tags: '[Banjir]',
    });
    expect(await session.build({ changed: [tagged] })).toBe(false);
    await expectCold(dir);
    const section = write(dir, 'olahraga/rubrik-baru.md', {
      title: '"Rubrik baru"',
      date: '2016-11-29 09:00',
      tags: '[Pasar 0]',
    });
    expect(await session.build({ changed: [section] })).toBe(false);
    await expectCold(dir);
    // As new as the newest, to the minute: which of the two comes first is the tie-break's, so older pages' lists may move.
    const tied = write(dir, 'ekonomi/sama-waktu.md', {
      title: '"Sama waktu"',
      date: '2016-11-29 09:00',
      tags: '[Pasar 0]',
    });
    expect(await session.build({ changed: [tied] })).toBe(false);
    await expectCold(dir);
    rmSync(tied);
    expect(await session.build({ removed: [tied] })).toBe(false);
    await expectCold(dir);
    // The only article of its section and tag: removing it removes listings, so the model is built again.
    rmSync(tagged);
    rmSync(section);
    expect(await session.build({ removed: [tagged, section] })).toBe(false);
    await expectCold(dir);
  });

  test('a publish that a ::related link, an alias or a new month archive meets builds the model again, exactly', async () => {
    const dir = archiveSite();
    const session = await openSession(dir);
    write(
      dir,
      'ekonomi/berita-0.md',
      { title: '"Berita 0"', date: '2016-10-01 06:00', tags: '[Pasar 0]' },
      '::related{slug=akan-datang}\n',
    );
    const linked = write(dir, 'ekonomi/akan-datang.md', {
      title: '"Akan datang"',
      date: '2016-11-29 07:00',
      tags: '[Pasar 0]',
    });
    expect(await session.build({ changed: [path.join(dir, 'content/ekonomi/berita-0.md'), linked] })).toBe(false);
    await expectCold(dir);
    const aliased = write(dir, 'nasional/dengan-alias.md', {
      title: '"Dengan alias"',
      date: '2016-11-29 08:00',
      aliases: '[/lama/alias/]',
    });
    expect(await session.build({ changed: [aliased] })).toBe(false);
    await expectCold(dir);
    const december = write(dir, 'nasional/desember.md', { title: '"Bulan baru"', date: '2016-12-01 08:00' });
    expect(await session.build({ changed: [december] })).toBe(false);
    await expectCold(dir);
  });

  test('a publish that mends a broken link, and its removal that breaks it again, warn as cold builds do', async () => {
    const dir = archiveSite();
    write(
      dir,
      'nasional/berita-1.md',
      { title: '"Berita 1"', date: '2016-10-02 07:00', tags: '[Pasar 1]', author: 'Budi' },
      'Lihat [nanti](/ekonomi/akan-terbit/) dan [yang hilang](/tidak/ada/).\n',
    );
    const session = await openSession(dir);
    const added = write(dir, 'ekonomi/akan-terbit.md', {
      title: '"Akan terbit"',
      date: '2016-11-29 08:00',
      tags: '[Pasar 1]',
      author: 'Budi',
    });
    const publish = await session.run({ changed: [added] });
    expect(publish.patched).toBe(true);
    expect(publish.warnings).toEqual((await coldBuildWithWarnings(dir)).warnings);
    expect(publish.warnings.filter((line) => line.includes('link-broken'))).toHaveLength(1);
    // An article with a broken link of its own, published and removed.
    const broken = write(
      dir,
      'nasional/rusak.md',
      { title: '"Tautan rusak"', date: '2016-11-29 09:00', tags: '[Pasar 1]', author: 'Budi' },
      'Lihat [ini](/juga/tidak/ada/).\n',
    );
    const second = await session.run({ changed: [broken] });
    expect(second.patched).toBe(true);
    expect(second.warnings).toEqual((await coldBuildWithWarnings(dir)).warnings);
    rmSync(broken);
    const third = await session.run({ removed: [broken] });
    expect(third.patched).toBe(true);
    expect(third.warnings).toEqual((await coldBuildWithWarnings(dir)).warnings);
    rmSync(added);
    const removal = await session.run({ removed: [added] });
    expect(removal.patched).toBe(true);
    expect(removal.warnings).toEqual((await coldBuildWithWarnings(dir)).warnings);
    expect(removal.warnings.filter((line) => line.includes('link-broken'))).toHaveLength(2);
    await expectCold(dir);
    // Body edits check their own links again; every other article's warnings stay, in the site's order.
    const edited = write(
      dir,
      'ekonomi/berita-20.md',
      { title: '"Berita 20"', date: '2016-11-21 14:00', tags: '[Pasar 2]', author: 'Rina Sari' },
      'Kini [rusak](/rusak/sekali/) dan [baik](/ekonomi/berita-0/).\n',
    );
    const broke = await session.run({ changed: [edited] });
    expect(broke.warnings).toEqual((await coldBuildWithWarnings(dir)).warnings);
    expect(broke.warnings.filter((line) => line.includes('link-broken'))).toHaveLength(3);
    write(
      dir,
      'ekonomi/berita-20.md',
      { title: '"Berita 20"', date: '2016-11-21 14:00', tags: '[Pasar 2]', author: 'Rina Sari' },
      'Diperbaiki.\n',
    );
    const mended = await session.run({ changed: [edited] });
    expect(mended.warnings).toEqual((await coldBuildWithWarnings(dir)).warnings);
    expect(mended.warnings.filter((line) => line.includes('link-broken'))).toHaveLength(2);
  });

  test('with pictures, a publish that takes the home page lead from an article with a photo writes what a cold build writes', async () => {
    const dir = archiveSite({ images: { widths: [160], cardWidths: [120], formats: ['webp'] } });
    mkdirSync(path.join(dir, 'static/images'), { recursive: true });
    writeFileSync(
      path.join(dir, 'static/images/foto.jpg'),
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a6' } })
        .jpeg()
        .toBuffer(),
    );
    // The newest article has a photo: it leads the home page until a newer one comes.
    write(dir, 'ekonomi/berita-26.md', {
      title: '"Berita 26"',
      date: '2016-11-27 08:00',
      tags: '[Pasar 2]',
      author: 'Rina Sari',
      image: '/images/foto.jpg',
    });
    const session = await openSession(dir);
    const added = write(dir, 'nasional/bergambar.md', {
      title: '"Bergambar"',
      date: '2016-11-29 08:00',
      tags: '[Pasar 1]',
      author: 'Budi',
      image: '/images/foto.jpg',
    });
    expect(await session.build({ changed: [added] })).toBe(true);
    await expectCold(dir);
    rmSync(added);
    expect(await session.build({ removed: [added] })).toBe(true);
    await expectCold(dir);
  });

  test('with images off, page bundles around publishes (an older one edited to show another photo between them) write what cold builds write', async () => {
    const dir = archiveSite({ images: false });
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a63' } })
      .jpeg()
      .toBuffer();
    const bundle = (folder: string, names: string[]) => {
      mkdirSync(path.join(dir, 'content', folder), { recursive: true });
      for (const name of names) writeFileSync(path.join(dir, 'content', folder, name), photo);
    };
    bundle('ekonomi/bundel', ['foto-1.jpg', 'foto-2.jpg']);
    const older = {
      title: '"Bundel"',
      date: '2016-11-10 08:00',
      tags: '[Pasar 0]',
      author: 'Budi',
      image: 'foto-1.jpg',
    };
    const olderFile = write(dir, 'ekonomi/bundel/index.md', older, 'Isi bundel.\n');
    const session = await openSession(dir);
    bundle('nasional/baru', ['foto.jpg']);
    const added = write(
      dir,
      'nasional/baru/index.md',
      { title: '"Baru"', date: '2016-11-29 08:00', tags: '[Pasar 1]', author: 'Budi', image: 'foto.jpg' },
      'Isi baru.\n',
    );
    expect(await session.build({ changed: [added] })).toBe(true);
    await expectCold(dir);
    // A body edit of the older bundle shows its second photo: the next publish must still publish it.
    write(dir, 'ekonomi/bundel/index.md', older, 'Isi bundel.\n\n![Kedua](foto-2.jpg)\n');
    await session.run({ changed: [olderFile] });
    await expectCold(dir);
    const newest = write(dir, 'ekonomi/terbaru.md', {
      title: '"Terbaru"',
      date: '2016-11-30 08:00',
      tags: '[Pasar 2]',
      author: 'Rina Sari',
    });
    expect(await session.build({ changed: [newest] })).toBe(true);
    await expectCold(dir);
    rmSync(newest);
    expect(await session.build({ removed: [newest] })).toBe(true);
    await expectCold(dir);
    rmSync(path.join(dir, 'content', 'nasional', 'baru'), { recursive: true });
    expect(await session.build({ removed: [added] })).toBe(true);
    await expectCold(dir);
    // And a body edit that stops showing it: its original is no longer published.
    write(dir, 'ekonomi/bundel/index.md', older, 'Isi bundel, tanpa foto kedua.\n');
    await session.run({ changed: [olderFile] });
    await expectCold(dir);
  });

  test('with pictures, a publish whose article brings a new photo writes its derived files, and its removal deletes them', async () => {
    const dir = archiveSite({ images: { widths: [160], cardWidths: [120], formats: ['webp'] } });
    const session = await openSession(dir);
    mkdirSync(path.join(dir, 'content/nasional/foto-baru'), { recursive: true });
    writeFileSync(
      path.join(dir, 'content/nasional/foto-baru/foto.jpg'),
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#36a' } })
        .jpeg()
        .toBuffer(),
    );
    const added = write(dir, 'nasional/foto-baru/index.md', {
      title: '"Foto Baru"',
      date: '2016-11-29 08:00',
      tags: '[Pasar 1]',
      author: 'Budi',
      image: 'foto.jpg',
    });
    expect(await session.build({ changed: [added] })).toBe(true);
    const derived = [...snapshotTree(path.join(dir, 'dist')).keys()].filter((file) => file.startsWith('_images/'));
    expect(derived.length).toBeGreaterThan(0);
    await expectCold(dir);
    rmSync(path.join(dir, 'content/nasional/foto-baru'), { recursive: true });
    expect(await session.build({ removed: [added] })).toBe(true);
    await expectCold(dir);
  });
});
