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
    '/s/static/.svn',
    '/s/static/.~lock.laporan.odt#',
    '/s/static/.goutputstream-X1Y2Z3',
  ])('ignores the editor or system file %s', (file) => expect(isIgnoredPath(file)).toBe(true));

  it.each([
    '/s/content/a.md',
    '/home/x/.sites/warta/content/a.md',
    '/s/static/4913.jpg',
    '/s/templates/layout.hbs',
    // The site's own dot files, which a build copies from static/.
    '/s/static/.well-known',
    '/s/static/.well-known/security.txt',
    '/s/static/.nojekyll',
  ])('watches %s', (file) => {
    expect(isIgnoredPath(file)).toBe(false);
  });
});
