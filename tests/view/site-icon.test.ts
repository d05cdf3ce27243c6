import { describe, expect, test } from 'vitest';
import { createSiteIcon, findInitial } from '../../src/view/site-icon.js';

const href = (urlPath: string) => `/warta${urlPath}`;

describe('the site icon', () => {
  test.each([
    ['warta Nusantara', 'W'],
    ['  "Kabar" Desa', 'K'],
    ['ßuper', 'SS'],
    ['123 Berita', '1'],
    ['📰 Éditions', 'É'],
    ['—', 'N'],
  ])('takes the initial of %j as %j', (title, initial) => {
    expect(findInitial(title)).toBe(initial);
  });

  test('draws the initial, escaped, on the brand colour as an SVG data URL that needs no further escaping', () => {
    const icon = createSiteIcon({ title: '<&> Warta', icon: undefined, color: '#b3001b' }, href);
    expect(icon.type).toBe('image/svg+xml');
    expect(icon.url).toMatch(/^data:image\/svg\+xml,[\w%.!~*'()-]+$/);
    const svg = decodeURIComponent(icon.url.slice('data:image/svg+xml,'.length));
    expect(svg).toContain('<rect width="64" height="64" rx="12" fill="#b3001b"/>');
    expect(svg).toContain('>W</text>');
  });

  test('links the configured icon under the base path, or as given when it is a URL, with its media type when known', () => {
    expect(createSiteIcon({ title: 'W', icon: 'ikon.svg', color: '#000' }, href)).toEqual({
      url: '/warta/ikon.svg',
      type: 'image/svg+xml',
    });
    expect(createSiteIcon({ title: 'W', icon: 'https://cdn.example/i.ico?v=2', color: '#000' }, href)).toEqual({
      url: 'https://cdn.example/i.ico?v=2',
      // The type is left out when unknown: browsers read the file itself.
      type: undefined,
    });
  });
});
