import { describe, expect, test } from 'vitest';
import { createSiteIcon, DRAWN_ICON_PATH, drawSiteIcon, findInitial } from '../../src/view/site-icon.js';

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

  test('draws the initial in white on the brand colour as SVG, and links it under the base path', () => {
    const svg = drawSiteIcon({ title: '<&> Warta', color: '#b3001b' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">')).toBe(true);
    expect(svg).toContain('<rect width="64" height="64" rx="12" fill="#b3001b"/>');
    expect(svg).toContain('fill="#fff"');
    expect(svg).toContain('>W</text>');
    expect(drawSiteIcon({ title: '&', color: '#000' })).toContain('>N</text>');
    expect(createSiteIcon({ title: '<&> Warta', icon: undefined, color: '#b3001b' }, href)).toEqual({
      url: `/warta/${DRAWN_ICON_PATH}`,
      type: 'image/svg+xml',
    });
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
