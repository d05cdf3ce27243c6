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

  it("escapes a file name's %, # and ? so the URL names that file, not an escape, a query or a fragment", () => {
    const manifest = createChangeManifest(
      { written: ['berkas/100%.txt', 'berkas/données #1.txt', 'laporan %E6/index.html'], deleted: ['a?b.txt'] },
      { baseUrl: 'https://warta.example/', basePath: '/' },
    );
    expect(manifest.written.map((file) => file.url)).toEqual([
      'https://warta.example/berkas/100%25.txt',
      'https://warta.example/berkas/donn%C3%A9es%20%231.txt',
      'https://warta.example/laporan%20%25E6/',
    ]);
    expect(manifest.deleted.map((file) => file.url)).toEqual(['https://warta.example/a%3Fb.txt']);
  });

  it('keeps files named like an index but not one as files', () => {
    expect(outputPathToUrl('404.html')).toBe('/404.html');
    expect(outputPathToUrl('assets/index.html.bak')).toBe('/assets/index.html.bak');
    expect(outputPathToUrl('xindex.html')).toBe('/xindex.html');
  });
});
