import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createLocator, locateImage } from '../../src/images/locate-image.js';

const folders = { contentDir: path.resolve('/site/content'), staticDir: path.resolve('/site/static') };

describe('locateImage', () => {
  test('finds site paths in the static folder', () => {
    expect(locateImage('/images/Foto%20Banjir.jpg?v=2', 'nasional/a.md', folders)).toEqual({
      file: path.resolve('/site/static/images/Foto Banjir.jpg'),
      urlPath: '/images/Foto Banjir.jpg',
      inContent: false,
    });
  });

  test('finds relative paths beside the article, as in a page bundle', () => {
    expect(locateImage('foto-1.jpg', 'nasional/banjir/index.md', folders)).toEqual({
      file: path.resolve('/site/content/nasional/banjir/foto-1.jpg'),
      urlPath: '/nasional/banjir/foto-1.jpg',
      inContent: true,
    });
    expect(locateImage('./img/../foto-2.png', 'nasional/banjir/index.md', folders)).toMatchObject({
      urlPath: '/nasional/banjir/foto-2.png',
    });
  });

  test('leaves remote images alone and refuses paths that climb out of the content folder', () => {
    expect(locateImage('https://cdn.example/a.jpg', 'a.md', folders)).toBeUndefined();
    expect(locateImage('//cdn.example/a.jpg', 'a.md', folders)).toBeUndefined();
    expect(locateImage('../../rahasia.jpg', 'nasional/a.md', folders)).toEqual({ outside: true });
    expect(locateImage('/../../etc/passwd', 'a.md', folders)).toMatchObject({
      file: path.resolve('/site/static/etc/passwd'),
    });
  });

  test('plain paths, resolved without parsing, land where the full rules put them', () => {
    // The rules of the doc comment, applied to every path without a shortcut.
    const byTheRules = (src: string, owner: string | undefined) => {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return undefined;
      let bare = src.replace(/[?#].*$/, '');
      try {
        bare = decodeURI(bare);
      } catch {}
      if (!bare) return undefined;
      if (bare.startsWith('/')) {
        const urlPath = path.posix.normalize(bare);
        return { file: path.join(folders.staticDir, ...urlPath.split('/')), urlPath, inContent: false };
      }
      const relative = path.posix.normalize(path.posix.join(path.posix.dirname(owner ?? ''), bare));
      if (relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) return { outside: true };
      return { file: path.join(folders.contentDir, ...relative.split('/')), urlPath: `/${relative}`, inContent: true };
    };
    const segment = fc.constantFrom(
      'images',
      'foto-1.jpg',
      'a.b',
      '.',
      '..',
      '',
      'x y',
      '%20',
      'c+d',
      "it's",
      '.well',
      'a:b',
    );
    const anyPath = fc
      .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 }))
      .map(([rooted, parts]) => `${rooted ? '/' : ''}${parts.join('/')}`);
    const owner = fc.constantFrom(undefined, 'a.md', 'nasional/banjir/index.md', 'x/../y.md', './b.md', 'a b/c.md');
    fc.assert(
      fc.property(anyPath, owner, (src, by) => {
        expect(locateImage(src, by, folders)).toEqual(byTheRules(src, by));
      }),
      { seed: 21, numRuns: 3000 },
    );
  });
});

describe('createLocator', () => {
  test("gives what locateImage gives, for relative paths by the owner's folder", () => {
    const locate = createLocator(folders);
    const cases: [string, string | undefined][] = [
      ['foto-1.jpg', 'nasional/banjir/index.md'],
      ['foto-1.jpg', 'nasional/banjir/lain.md'],
      ['foto-1.jpg', 'ekonomi/kopi/index.md'],
      ['/images/a.jpg', 'nasional/a.md'],
      ['/images/a.jpg', undefined],
      ['https://cdn.example/a.jpg', 'a.md'],
      ['../../../rahasia.jpg', 'nasional/a.md'],
    ];
    for (const [src, owner] of [...cases, ...cases])
      expect(locate(src, owner)).toEqual(locateImage(src, owner, folders));
  });
});
