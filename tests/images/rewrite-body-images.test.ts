import { describe, expect, test } from 'vitest';
import type { PictureView } from '../../src/images/picture-view.js';
import { rewriteBodyImages } from '../../src/images/rewrite-body-images.js';

const PICTURE: PictureView = {
  src: '/_images/foto-960.abc.jpg',
  srcset: '/_images/foto-320.abc.jpg 320w, /_images/foto-960.abc.jpg 960w',
  sizes: '100vw',
  sources: [{ type: 'image/avif', srcset: '/_images/foto-320.abc.avif 320w, /_images/foto-960.abc.avif 960w' }],
  width: 960,
  height: 640,
};

describe('rewriteBodyImages', () => {
  test('turns a local image into a picture with its alt and title, size and lazy loading', () => {
    const html = '<p>Lihat <img src="foto.jpg" alt="Banjir &#x26; &#x22;rob&#x22;" title="Semarang"> di sini</p>';
    expect(rewriteBodyImages(html, (src) => (src === 'foto.jpg' ? { picture: PICTURE } : undefined))).toBe(
      '<p>Lihat <picture><source type="image/avif" srcset="/_images/foto-320.abc.avif 320w, /_images/foto-960.abc.avif 960w" sizes="100vw">' +
        '<img src="/_images/foto-960.abc.jpg" srcset="/_images/foto-320.abc.jpg 320w, /_images/foto-960.abc.jpg 960w" sizes="100vw" alt="Banjir &#x26; &#x22;rob&#x22;" title="Semarang" width="960" height="640" loading="lazy" decoding="async"></picture> di sini</p>',
    );
  });

  test('leaves remote and unknown images, and HTML without images, exactly as they are', () => {
    const html = '<p><img src="https://cdn.example/a.jpg" alt=""><img alt="x > y" src="b.jpg"></p>';
    expect(rewriteBodyImages(html, () => undefined)).toBe(html);
    expect(rewriteBodyImages('<p>teks</p>', () => ({ picture: PICTURE }))).toBe('<p>teks</p>');
  });

  test('reads attribute values with ">" inside quotes and decodes references in src', () => {
    const seen: string[] = [];
    rewriteBodyImages('<img alt="a > b" src="foto%201.jpg?v=1&#x26;w=2">', (src) => void seen.push(src));
    expect(seen).toEqual(['foto%201.jpg?v=1&w=2']);
  });

  test('only points the image at a new src when the pipeline is off', () => {
    expect(rewriteBodyImages('<img src="foto.jpg" alt="A">', () => ({ src: '/nasional/banjir/foto.jpg' }))).toBe(
      '<img src="/nasional/banjir/foto.jpg" alt="A">',
    );
  });
});
