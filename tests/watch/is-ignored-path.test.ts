import { describe, expect, it } from 'vitest';
import { isIgnoredPath } from '../../src/watch/is-ignored-path.js';

describe('isIgnoredPath', () => {
  it.each([
    '/s/content/.a.md.swp',
    '/s/content/a.md.swo',
    '/s/content/a.md~',
    '/s/content/.#a.md',
    '/s/content/4913',
    '/s/content/a.md.tmp',
    '/s/content/.git',
    '/s/content/.DS_Store',
  ])('ignores the editor or system file %s', (file) => expect(isIgnoredPath(file)).toBe(true));

  it.each(['/s/content/a.md', '/home/x/.sites/warta/content/a.md', '/s/static/4913.jpg', '/s/templates/layout.hbs'])(
    'watches %s',
    (file) => {
      expect(isIgnoredPath(file)).toBe(false);
    },
  );
});
