import { describe, expect, test } from 'vitest';
import { checkEmbedSrc, EMBED_HOSTS } from '../../src/markdown/rehype-embed-allowlist.js';

describe('checkEmbedSrc', () => {
  test.each([
    'https://www.youtube.com/embed/abc123',
    'https://youtube.com/embed/abc123?start=30',
    'https://www.youtube-nocookie.com/embed/abc123',
    'https://player.vimeo.com/video/76979871',
    'https://platform.twitter.com/embed/Tweet.html?id=1',
    'https://www.instagram.com/p/Cabc/embed',
    'HTTPS://WWW.YOUTUBE.COM/embed/abc123',
  ])('accepts %s', (src) => {
    expect(checkEmbedSrc(src)).toBe(true);
  });

  test.each([
    'http://www.youtube.com/embed/abc123',
    '//www.youtube.com/embed/abc123',
    '/embed/abc123',
    'https://www.youtube.com.evil.example/embed',
    'https://evilyoutube.com/embed',
    'https://vimeo.com/76979871',
    'https://www.youtube.com:443@evil.example/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %s', (src) => {
    expect(checkEmbedSrc(src)).toBe(false);
  });

  test('refuses values that are not strings', () => {
    expect(checkEmbedSrc(undefined)).toBe(false);
    expect(checkEmbedSrc(['https://www.youtube.com/embed/x'])).toBe(false);
  });
});

describe('EMBED_HOSTS', () => {
  test('lists the supported video and social hosts and cannot be changed', () => {
    expect([...EMBED_HOSTS].sort()).toEqual([
      'platform.twitter.com',
      'player.vimeo.com',
      'www.instagram.com',
      'www.youtube-nocookie.com',
      'www.youtube.com',
      'youtube.com',
    ]);
    expect(Object.isFrozen(EMBED_HOSTS)).toBe(true);
  });
});
