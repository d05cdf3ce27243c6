import { describe, expect, test } from 'vitest';
import { articleText, checkInvalid, checkValid } from './helpers.js';

describe('image front matter', () => {
  test('reads a focal point, or auto for the attention strategy', () => {
    const image = (focus: string) => checkValid(articleText({ image: `\n  src: foto-1.jpg\n  focus: ${focus}` })).image;
    expect(image('[0.25, 0.8]')).toMatchObject({ src: 'foto-1.jpg', focus: [0.25, 0.8] });
    expect(image('auto')).toMatchObject({ focus: 'auto' });
  });

  test('reads the size of a remote image', () => {
    const article = checkValid(
      articleText({ image: '\n  src: https://cdn.example/a.jpg\n  width: 1600\n  height: 900' }),
    );
    expect(article.image).toMatchObject({ width: 1600, height: 900 });
  });

  test('refuses a focal point outside the image and sizes that are not whole pixels, at their lines', () => {
    const diagnostics = checkInvalid(
      articleText({ image: '\n  src: a.jpg\n  focus: [1.5, 0]\n  width: wide\n  height: -3' }),
    );
    expect(diagnostics.map((d) => [d.place?.line, d.ruleId, d.reason])).toEqual([
      [
        6,
        'front-matter-image',
        'Unexpected a list for `image.focus`, expected [x, y] with both from 0 to 1 (such as [0.5, 0.3]) or auto',
      ],
      [7, 'front-matter-image', 'Unexpected text for `image.width`, expected a whole number of pixels'],
      [8, 'front-matter-image', 'Unexpected a number for `image.height`, expected a whole number of pixels'],
    ]);
  });

  test('names a page bundle after its folder', () => {
    expect(checkValid(articleText(), 'nasional/banjir/index.md').slug).toBe('banjir');
    expect(checkValid(articleText(), 'nasional/index-harga.md').slug).toBe('index-harga');
  });
});
