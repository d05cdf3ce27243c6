import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createDisplayPaths, toDisplayPath } from '../../src/content/load-content.js';

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
