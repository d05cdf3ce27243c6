import { describe, expect, it } from 'vitest';
import { createChangeManifest, outputPathToUrl } from '../../src/report/change-manifest.js';

describe('createChangeManifest', () => {
  it('gives every path its absolute URL under the base path, folders for index.html, sorted by path', () => {
    const manifest = createChangeManifest(
      {
        written: ['sitemap.xml', 'ekonomi/harga/index.html', 'index.html', 'images/foto pasar.jpg'],
        deleted: ['tag/lama/page/2/index.html'],
      },
      { baseUrl: 'https://warta.example/berita/', basePath: '/berita/' },
    );
    expect(manifest).toEqual({
      written: [
        { path: 'ekonomi/harga/index.html', url: 'https://warta.example/berita/ekonomi/harga/' },
        { path: 'images/foto pasar.jpg', url: 'https://warta.example/berita/images/foto%20pasar.jpg' },
        { path: 'index.html', url: 'https://warta.example/berita/' },
        { path: 'sitemap.xml', url: 'https://warta.example/berita/sitemap.xml' },
      ],
      deleted: [{ path: 'tag/lama/page/2/index.html', url: 'https://warta.example/berita/tag/lama/page/2/' }],
    });
  });

  it('keeps files named like an index but not one as files', () => {
    expect(outputPathToUrl('404.html')).toBe('/404.html');
    expect(outputPathToUrl('assets/index.html.bak')).toBe('/assets/index.html.bak');
    expect(outputPathToUrl('xindex.html')).toBe('/xindex.html');
  });
});
