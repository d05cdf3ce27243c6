import { describe, expect, test } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { checkEmbedSrc, EMBED_HOSTS, filterEmbedFeatures } from '../../src/markdown/rehype-embed-allowlist.js';
import { parseFragment } from './parse-fragment.js';

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
  test('lists the supported video, social and chart hosts and cannot be changed', () => {
    expect([...EMBED_HOSTS].sort()).toEqual([
      'datawrapper.dwcdn.net',
      'flo.uri.sh',
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

describe('kept embeds (issue 25)', () => {
  const processor = createMarkdownProcessor();
  const iframeOf = (markdown: string) => parseFragment(processor.render(markdown).html).querySelector('iframe');

  test('an upper-case HTTPS src is kept, written as the URL parser reads it, not left empty', () => {
    expect(iframeOf('<iframe src="HTTPS://WWW.YOUTUBE.COM/embed/abc123"></iframe>')?.getAttribute('src')).toBe(
      'https://www.youtube.com/embed/abc123',
    );
  });

  test("an author's allow list keeps only playback features, each for the embed's own origin", () => {
    const iframe = iframeOf(
      '<iframe src="https://www.youtube.com/embed/x" allow="camera; microphone; payment *; autoplay https://evil.example; encrypted-media; AUTOPLAY"></iframe>',
    );
    expect(iframe?.getAttribute('allow')).toBe('autoplay; encrypted-media');
    expect(filterEmbedFeatures('camera; geolocation')).toBeUndefined();
    expect(iframeOf('<iframe src="https://www.youtube.com/embed/x" allow="usb"></iframe>')?.hasAttribute('allow')).toBe(
      false,
    );
  });

  test("an author's sandbox is kept: it can only take powers away", () => {
    const iframe = iframeOf('<iframe src="https://player.vimeo.com/video/1" sandbox="allow-scripts"></iframe>');
    expect(iframe?.getAttribute('sandbox')).toBe('allow-scripts');
  });
});
