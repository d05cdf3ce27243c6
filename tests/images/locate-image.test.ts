import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { locateImage } from '../../src/images/locate-image.js';

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
});
