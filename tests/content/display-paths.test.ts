import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createDisplayPaths, createFileDisplayPaths, toDisplayPath } from '../../src/content/load-content.js';

describe('createDisplayPaths', () => {
  const root = path.resolve('/site/news');
  const folders = [
    root,
    path.join(root, 'content'),
    path.join(root, 'a', 'b'),
    path.resolve('/site/other'),
    path.resolve('/elsewhere/content'),
    path.join(root, '..news-archive'),
  ];
  const files = ['x.md', 'ekonomi/harga-cabai.md', 'a/b/c.md', 'authors.yml'];

  test.each(folders)('names every file of %s as toDisplayPath does', (dir) => {
    const displayPathOf = createDisplayPaths(dir, root);
    for (const file of files) expect(displayPathOf(file)).toBe(toDisplayPath(path.join(dir, file), root));
  });

  test('gives paths relative to the root with forward slashes inside it, absolute paths outside it', () => {
    expect(createDisplayPaths(path.join(root, 'content'), root)('ekonomi/a.md')).toBe('content/ekonomi/a.md');
    expect(createDisplayPaths(path.resolve('/elsewhere'), root)('a.md')).toBe(path.resolve('/elsewhere/a.md'));
  });
});

describe('createFileDisplayPaths', () => {
  const root = path.resolve('/site/news');
  const files = [
    path.join(root, 'static', 'images', 'a.jpg'),
    path.join(root, 'content', 'ekonomi', 'foto 1.jpg'),
    `${root}${path.sep}static${path.sep}.hidden${path.sep}a.jpg`,
    `${root}${path.sep}static${path.sep}..${path.sep}..${path.sep}x.jpg`,
    `${root}${path.sep}static${path.sep}${path.sep}a.jpg`,
    `${root}${path.sep}static${path.sep}`,
    `${root}${path.sep}`,
    root,
    path.join(root, '..news-archive', 'a.jpg'),
    path.resolve('/site/newsroom/a.jpg'),
    path.resolve('/elsewhere/a.jpg'),
  ];

  test.each([root, `${root}${path.sep}`, path.resolve('/'), `${root}${path.sep}..${path.sep}news`])(
    'names every file below %s as toDisplayPath does',
    (folder) => {
      const displayPathOf = createFileDisplayPaths(folder);
      for (const file of files) expect(displayPathOf(file)).toBe(toDisplayPath(file, folder));
    },
  );
});
