import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRequestPath, resolveRequestPath } from '../../src/server/resolve-request-path.js';
import { createFixtureSite } from '../helpers/fixture-site.js';

describe('parseRequestPath', () => {
  it('decodes once and drops empty and dot segments', () => {
    expect(parseRequestPath('/a//./b%20c/?q=1')).toEqual({ ok: true, segments: ['a', 'b c'], trailingSlash: true });
    expect(parseRequestPath('/%252e%252e%252f')).toEqual({ ok: true, segments: ['%2e%2e%2f'], trailingSlash: false });
  });

  it.each(['/../x', '/%2e%2e/x', '/%2E%2E%2Fx', '/..%2fx', '/a/b/../../..', '/a\\..\\b', '/%5c'])(
    'forbids %s',
    (target) => {
      expect(parseRequestPath(target)).toEqual({ ok: false, status: 403 });
    },
  );

  it.each(['/%zz', '/%', '/a%00b', 'http://example.org/', '*'])('rejects %s as a bad request', (target) => {
    expect(parseRequestPath(target)).toEqual({ ok: false, status: 400 });
  });
});

describe('resolveRequestPath', () => {
  const folder = createFixtureSite({ 'site/a/index.html': 'a', 'site/b.txt': 'b', 'secret.txt': 's' });
  const root = realpathSync(path.join(folder, 'site'));
  symlinkSync(path.join(folder, 'secret.txt'), path.join(root, 'escape.txt'));
  symlinkSync(path.join(root, 'b.txt'), path.join(root, 'inside.txt'));
  mkdirSync(path.join(root, 'empty'));
  writeFileSync(path.join(root, 'c.html'), 'c');
  writeFileSync(path.join(root, '..catatan.txt'), 'd');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('maps folder URLs to their index.html and files to themselves', async () => {
    expect(await resolveRequestPath(root, '/a/')).toEqual({ kind: 'file', file: path.join(root, 'a', 'index.html') });
    expect(await resolveRequestPath(root, '/b.txt')).toEqual({ kind: 'file', file: path.join(root, 'b.txt') });
  });

  it('redirects a folder without its slash, building the location from the checked path', async () => {
    expect(await resolveRequestPath(root, '/a')).toEqual({ kind: 'folder', location: '/a/' });
    expect(await resolveRequestPath(root, '//a')).toEqual({ kind: 'folder', location: '/a/' });
  });

  it('follows symlinks only while their real path stays inside the root', async () => {
    expect(await resolveRequestPath(root, '/escape.txt')).toEqual({ kind: 'refused', status: 403 });
    expect(await resolveRequestPath(root, '/inside.txt')).toEqual({ kind: 'file', file: path.join(root, 'b.txt') });
  });

  it('serves a file whose name only starts with two dots: it is inside', async () => {
    expect(await resolveRequestPath(root, '/..catatan.txt')).toEqual({
      kind: 'file',
      file: path.join(root, '..catatan.txt'),
    });
  });

  it('reports missing files and folders without an index as missing', async () => {
    expect(await resolveRequestPath(root, '/nope')).toEqual({ kind: 'missing' });
    expect(await resolveRequestPath(root, '/empty/')).toEqual({ kind: 'missing' });
    expect(await resolveRequestPath(root, '/b.txt/')).toEqual({ kind: 'missing' });
  });
});

describe('the root named with a dot (found by fuzzing, issue 25)', () => {
  it('redirects /. to /, never to the scheme-relative //', async () => {
    const folder = createFixtureSite({ 'site/index.html': 'beranda' });
    try {
      const root = realpathSync(path.join(folder, 'site'));
      expect(await resolveRequestPath(root, '/.')).toEqual({ kind: 'folder', location: '/' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
