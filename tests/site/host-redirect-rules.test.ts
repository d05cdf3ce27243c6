import { describe, expect, it } from 'vitest';
import { checkHostRedirects } from '../../src/site/host-redirect-rules.js';

const redirects = [
  { from: '/kabar lama/', to: '/ekonomi/kabar/', wildcard: false },
  { from: '/berita/*', to: '/nasional/*', wildcard: true },
];

function check(text: string, baseUrl = 'https://warta.example/') {
  return checkHostRedirects({ text, file: 'static/_redirects', redirects, baseUrl }).map(
    (found) => `${found.place?.line}:${found.place?.column} ${found.severity} ${found.ruleId}`,
  );
}

describe('checkHostRedirects', () => {
  it("warns at a rule sending one of newsgen's old addresses elsewhere, however its path is escaped (a blank ends a path)", () => {
    expect(
      check(
        '/kabar%20lama/ /x/ 301\n/kabar lama/ /y/\n/kabar%20lama/ https://lain.example/ 301\n/berita/* /z/:splat 302!\n',
      ),
    ).toEqual(['1:1 warning redirect-shadowed', '3:1 warning redirect-shadowed', '4:1 warning redirect-shadowed']);
  });

  it('leaves alone comments, the same rule as newsgen’s, other paths, and rules matching some requests only', () => {
    const text = [
      '# /kabar%20lama/ /x/',
      '/kabar%20lama/ /ekonomi/kabar/ 301',
      '/berita/* /nasional/:splat',
      '/kabar%20lama/ p=1 /x/ 301!',
      '/kabar%20lama/ /x/ 302 Country=id',
      '/lain/ /x/',
    ].join('\n');
    expect(check(text)).toEqual([]);
  });

  it('compares paths with the base path, as the written rules have it', () => {
    expect(check('/kabar%20lama/ /x/\n/warta/kabar%20lama/ /x/\n', 'https://host.example/warta/')).toEqual([
      '2:1 warning redirect-shadowed',
    ]);
  });
});
