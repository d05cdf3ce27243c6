import { describe, expect, it } from 'vitest';
import { readRequestTarget } from '../../src/server/request-target.js';

describe('readRequestTarget', () => {
  it('keeps an origin-form target and the Host header as they are', () => {
    expect(readRequestTarget('/ekonomi/?x=1', 'localhost:4000')).toEqual({
      path: '/ekonomi/?x=1',
      host: 'localhost:4000',
    });
    expect(readRequestTarget(undefined, undefined)).toEqual({ path: '/', host: undefined });
    expect(readRequestTarget('*', 'localhost:4000')).toEqual({ path: '*', host: 'localhost:4000' });
  });

  it('reads an absolute-form target as its path, its authority in place of the Host header (RFC 9112, 3.2.2)', () => {
    expect(readRequestTarget('http://127.0.0.1:4000/ekonomi/', 'evil.example')).toEqual({
      path: '/ekonomi/',
      host: '127.0.0.1:4000',
    });
    expect(readRequestTarget('HTTP://localhost:4000', undefined)).toEqual({ path: '/', host: 'localhost:4000' });
    expect(readRequestTarget('http://localhost:4000?x=1', undefined)).toEqual({
      path: '/?x=1',
      host: 'localhost:4000',
    });
  });

  it('leaves the path as sent for the path guard, never resolving .. or backslashes itself', () => {
    expect(readRequestTarget('http://localhost:4000/a/../../b', undefined)?.path).toBe('/a/../../b');
    expect(readRequestTarget('http://localhost:4000/..\\b', undefined)?.path).toBe('/..\\b');
  });

  it('refuses another scheme and an authority with a user name', () => {
    expect(readRequestTarget('https://localhost:4000/', undefined)).toBeUndefined();
    expect(readRequestTarget('ftp://localhost:4000/', undefined)).toBeUndefined();
    expect(readRequestTarget('http://user:pw@localhost:4000/', undefined)).toBeUndefined();
  });
});
