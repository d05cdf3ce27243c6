import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import {
  assertOutputPath,
  checkOutputPath,
  resolveOutputPath,
  urlToOutputPath,
} from '../../src/output/resolve-output-path.js';

describe('urlToOutputPath', () => {
  it('maps a folder URL to its index.html', () => {
    expect(urlToOutputPath('/ekonomi/x/')).toBe('ekonomi/x/index.html');
  });

  it('maps the home page to index.html', () => {
    expect(urlToOutputPath('/')).toBe('index.html');
  });

  it('keeps file URLs as they are', () => {
    expect(urlToOutputPath('/404.html')).toBe('404.html');
    expect(urlToOutputPath('/feed.xml')).toBe('feed.xml');
    expect(urlToOutputPath('/tag/pasar-modal/page/2/')).toBe('tag/pasar-modal/page/2/index.html');
  });

  it('decodes percent-escapes the way a web server would', () => {
    expect(urlToOutputPath('/kota/bandung%20barat/')).toBe('kota/bandung barat/index.html');
  });

  it.each([
    ['ekonomi/x/', 'does not start with a slash'],
    ['/ekonomi/../../etc/', 'climbs out with ..'],
    ['/a/%2e%2e/%2e%2e/b/', 'hides .. behind escapes'],
    ['/a%2Fb/', 'hides a slash behind an escape'],
    ['/a%zz/', 'has a broken escape'],
    ['//x/', 'has an empty segment'],
  ])('refuses %s because it %s', (url) => {
    expect(() => urlToOutputPath(url)).toThrow(expect.objectContaining({ code: 'unsafe-output-path' }));
  });
});

describe('checkOutputPath', () => {
  it('accepts a plain relative posix path and returns it unchanged', () => {
    expect(checkOutputPath('ekonomi/x/index.html')).toBe('ekonomi/x/index.html');
    expect(checkOutputPath('.well-known/security.txt')).toBe('.well-known/security.txt');
  });

  it.each([
    ['../x'],
    ['a/../../x'],
    ['a/..'],
    ['/etc/passwd'],
    ['a\\b'],
    ['..\\..\\x'],
    ['a\u0000b'],
    ['a\nb'],
    ['C:/x'],
    ['c:x'],
    [''],
    ['a//b'],
    ['a/'],
    ['./a'],
    ['a/./b'],
    ['con/index.html'],
    ['aux.txt'],
    ['what?.html'],
    ['trailing./x'],
    [`${'a'.repeat(256)}.html`],
  ])('refuses %j with a reason', (relPath) => {
    const result = checkOutputPath(relPath);
    expect(typeof result).toBe('object');
    expect(result).toHaveProperty('reason');
  });

  it('explains a parent segment as a way out of the output folder', () => {
    expect(checkOutputPath('a/../../x')).toEqual({ reason: expect.stringContaining('..') });
  });
});

describe('assertOutputPath', () => {
  it('throws a NewsgenError naming the path and the reason', () => {
    let caught: unknown;
    try {
      assertOutputPath('../secret');
    } catch (error) {
      caught = error;
    }
    expect(isNewsgenError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'unsafe-output-path' });
    expect(String((caught as Error).message)).toContain('../secret');
  });
});

describe('resolveOutputPath', () => {
  it('joins a safe path onto the output folder', () => {
    const outDir = path.resolve('/srv/site/dist');
    expect(resolveOutputPath(outDir, 'a/b.html')).toBe(path.join(outDir, 'a', 'b.html'));
  });

  it('refuses a path that would resolve outside the output folder', () => {
    expect(() => resolveOutputPath(path.resolve('/srv/site/dist'), '../x')).toThrow(/Unsafe output path/);
  });

  it('takes a name that only starts with two dots, which stays inside', () => {
    const outDir = path.resolve('/srv/site/dist');
    expect(resolveOutputPath(outDir, '..catatan.txt')).toBe(path.join(outDir, '..catatan.txt'));
    expect(resolveOutputPath(outDir, 'a/...b')).toBe(path.join(outDir, 'a', '...b'));
  });
});
