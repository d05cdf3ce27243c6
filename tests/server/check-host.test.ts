import { describe, expect, it } from 'vitest';
import { checkHost, checkOrigin, isLoopbackHost } from '../../src/server/check-host.js';

describe('checkHost', () => {
  it('accepts the bound host, localhost and loopback addresses on the server port', () => {
    expect(checkHost('127.0.0.1:4000', '127.0.0.1', 4000)).toBe(true);
    expect(checkHost('localhost:4000', '127.0.0.1', 4000)).toBe(true);
    expect(checkHost('LOCALHOST', '127.0.0.1', 4000)).toBe(true);
    expect(checkHost('[::1]:4000', '127.0.0.1', 4000)).toBe(true);
    expect(checkHost('preview.lan:4000', 'preview.lan', 4000)).toBe(true);
  });

  it('refuses other names, other ports and missing or malformed headers', () => {
    expect(checkHost('evil.example', '127.0.0.1', 4000)).toBe(false);
    expect(checkHost('evil.example:4000', '127.0.0.1', 4000)).toBe(false);
    expect(checkHost('localhost.evil.example:4000', '127.0.0.1', 4000)).toBe(false);
    expect(checkHost('localhost:4001', '127.0.0.1', 4000)).toBe(false);
    expect(checkHost(undefined, '127.0.0.1', 4000)).toBe(false);
    expect(checkHost('a b', '127.0.0.1', 4000)).toBe(false);
  });

  it('accepts IP literals only when bound to every interface', () => {
    expect(checkHost('192.168.1.20:4000', '0.0.0.0', 4000)).toBe(true);
    expect(checkHost('192.168.1.20:4000', '127.0.0.1', 4000)).toBe(false);
    expect(checkHost('evil.example:4000', '0.0.0.0', 4000)).toBe(false);
  });
});

describe('checkOrigin', () => {
  it('allows no Origin or the origin the request was sent to, and nothing else', () => {
    expect(checkOrigin(undefined, 'localhost:4000')).toBe(true);
    expect(checkOrigin('http://localhost:4000', 'localhost:4000')).toBe(true);
    expect(checkOrigin('http://evil.example', 'localhost:4000')).toBe(false);
    expect(checkOrigin('null', 'localhost:4000')).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback names', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.4.5.6')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('127.example')).toBe(false);
  });
});
