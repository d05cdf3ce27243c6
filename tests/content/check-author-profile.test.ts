import { describe, expect, test } from 'vitest';
import { checkAuthorProfile } from '../../src/content/check-author-profile.js';
import { lines, parseValid } from './helpers.js';

const PATH = 'authors/rina-wulandari.md';

function check(...rows: string[]) {
  return checkAuthorProfile(
    PATH,
    `content/${PATH}`,
    parseValid(lines('---', ...rows, '---', 'Rina meliput ekonomi sejak 2010.')),
  );
}

describe('checkAuthorProfile', () => {
  test('reads a full profile and gives it the slug of the name', () => {
    const result = check(
      'name: Rina Wulandari',
      'role: Redaktur Ekonomi',
      'avatar: /images/authors/rina.jpg',
      'links:',
      '  - { name: Surel, url: "mailto:rina@example.org" }',
      '  - { name: Situs, url: "https://rina.example.org/" }',
    );
    expect(result).toEqual({
      ok: true,
      profile: {
        slug: 'rina-wulandari',
        name: 'Rina Wulandari',
        role: 'Redaktur Ekonomi',
        avatar: {
          src: '/images/authors/rina.jpg',
          alt: 'Rina Wulandari',
          caption: undefined,
          credit: undefined,
          place: { line: 4, column: 9 },
        },
        links: [
          { name: 'Surel', url: 'mailto:rina@example.org' },
          { name: 'Situs', url: 'https://rina.example.org/' },
        ],
        sourcePath: PATH,
        namePlace: { line: 2, column: 7 },
      },
    });
  });

  test('accepts a profile with only a name', () => {
    expect(check('name: Budi Santoso')).toMatchObject({
      ok: true,
      profile: { slug: 'budi-santoso', role: undefined, avatar: undefined, links: [] },
    });
  });

  test('reports a missing name', () => {
    const result = check('role: Fotografer');
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        expect.objectContaining({
          file: `content/${PATH}`,
          ruleId: 'front-matter-name',
          place: { line: 1, column: 1 },
        }),
      ],
    });
  });

  test('reports a protocol-relative avatar, as article images are (issue 25)', () => {
    for (const avatar of ['//host/x.png', '///x.png'])
      expect(check('name: Rina', `avatar: "${avatar}"`)).toMatchObject({
        ok: false,
        diagnostics: [expect.objectContaining({ ruleId: 'author-avatar', place: { line: 3, column: 9 } })],
      });
  });

  test('reports an avatar that is neither a site path nor a web URL', () => {
    const result = check('name: Rina', 'avatar: "javascript:alert(1)"');
    expect(result).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ ruleId: 'author-avatar', place: { line: 3, column: 9 } })],
    });
  });

  test('reports a link with a script URL at the link', () => {
    const result = check(
      'name: Rina',
      'links:',
      '  - { name: Situs, url: "https://rina.example.org/" }',
      '  - { name: Jahat, url: "javascript:alert(1)" }',
    );
    expect(result).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ ruleId: 'author-links', place: { line: 5, column: 5 } })],
    });
  });

  test('reports links that are not a list', () => {
    const result = check('name: Rina', 'links: https://rina.example.org/');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ ruleId: 'author-links' }] });
  });

  test('reports every problem at once', () => {
    const result = check('role: [a, b]', 'avatar: "ftp://x"', 'links: 5');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.diagnostics.map((d) => d.ruleId).sort()).toEqual([
        'author-avatar',
        'author-links',
        'front-matter-name',
        'front-matter-role',
      ]);
  });
});
