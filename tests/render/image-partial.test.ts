import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { DOMParser } from 'linkedom';
import { describe, expect, test } from 'vitest';

const partial = Handlebars.create().compile(
  readFileSync(new URL('../../templates/partials/image.hbs', import.meta.url), 'utf8'),
);
const render = (context: Record<string, unknown>, hash: Record<string, unknown> = {}) =>
  new DOMParser().parseFromString(`<body>${partial({ ...context, ...hash })}</body>`, 'text/html');

const PICTURE = {
  src: '/_images/a-960.1.jpg',
  srcset: '/_images/a-320.1.jpg 320w, /_images/a-960.1.jpg 960w',
  sizes: '100vw',
  sources: [
    { type: 'image/avif', srcset: '/_images/a-320.1.avif 320w, /_images/a-960.1.avif 960w' },
    { type: 'image/webp', srcset: '/_images/a-320.1.webp 320w, /_images/a-960.1.webp 960w' },
  ],
  alt: 'Banjir',
  width: 960,
  height: 640,
};

describe('the image partial', () => {
  test('writes a picture with AVIF and WebP sources before the JPEG, with sizes and dimensions', () => {
    const document = render(PICTURE, { class: 'card-image' });
    const sources = [...document.querySelectorAll('picture > source')];
    expect(sources.map((source) => [source.getAttribute('type'), source.getAttribute('sizes')])).toEqual([
      ['image/avif', '100vw'],
      ['image/webp', '100vw'],
    ]);
    const img = document.querySelector('picture > img');
    expect(img?.getAttribute('srcset')).toBe(PICTURE.srcset);
    expect([img?.getAttribute('width'), img?.getAttribute('height'), img?.getAttribute('class')]).toEqual([
      '960',
      '640',
      'card-image',
    ]);
    expect([img?.getAttribute('loading'), img?.getAttribute('decoding'), img?.hasAttribute('fetchpriority')]).toEqual([
      'lazy',
      'async',
      false,
    ]);
  });

  test('fetches a priority image first and never lazily', () => {
    const img = render(PICTURE, { priority: true }).querySelector('img');
    expect([img?.getAttribute('fetchpriority'), img?.hasAttribute('loading'), img?.hasAttribute('decoding')]).toEqual([
      'high',
      false,
      false,
    ]);
  });

  test('writes a plain img for an image without renditions', () => {
    const document = render({ src: 'https://cdn.example/a.jpg', alt: '', width: 1600, height: 900 });
    expect(document.querySelector('picture')).toBeNull();
    expect(document.querySelector('img')?.getAttribute('srcset')).toBeNull();
    expect(document.querySelector('img')?.getAttribute('width')).toBe('1600');
  });
});
