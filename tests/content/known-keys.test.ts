import { describe, expect, it } from 'vitest';
import { ARTICLE_KEYS, checkUnknownKeys, PAGE_KEYS } from '../../src/content/known-keys.js';
import { lines, parseValid } from './helpers.js';

function warn(text: string, spec = ARTICLE_KEYS) {
  return checkUnknownKeys(parseValid(text), spec, 'content/x.md').map((d) => ({
    at: `${d.place?.line}:${d.place?.column}`,
    reason: d.reason,
    hint: d.hint,
    severity: d.severity,
  }));
}

describe('checkUnknownKeys', () => {
  it("names newsgen's key for the keys a Hugo, Jekyll or WordPress export writes, at the key", () => {
    const found = warn(
      lines(
        '---',
        'title: Banjir',
        'date: 2016-09-09',
        'lastmod: 2016-09-10',
        'url: /2016/09/banjir/',
        'categories: [Nasional, Cuaca]',
        'featured_image: /images/banjir.jpg',
        'publishDate: 2016-09-09',
        'expiryDate: 2030-01-01',
        'excerpt: Air naik.',
        'keywords: [banjir]',
        'permalink: /banjir.html',
        'published: false',
        '---',
      ),
    );
    expect(found.map(({ at, reason }) => [at, reason])).toEqual([
      ['4:1', 'Unknown key "lastmod", ignored: newsgen reads "updated" for it'],
      ['5:1', 'Unknown key "url", ignored: newsgen reads "aliases" for it'],
      ['6:1', 'Unknown key "categories", ignored: newsgen reads "section" for it'],
      ['7:1', 'Unknown key "featured_image", ignored: newsgen reads "image" for it'],
      ['8:1', 'Unknown key "publishDate", ignored: newsgen reads "date" for it'],
      ['9:1', 'Unknown key "expiryDate", ignored: newsgen reads "expires" for it'],
      ['10:1', 'Unknown key "excerpt", ignored: newsgen reads "summary" for it'],
      ['11:1', 'Unknown key "keywords", ignored: newsgen reads "tags" for it'],
      ['12:1', 'Unknown key "permalink", ignored: newsgen reads "aliases" for it'],
      ['13:1', 'Unknown key "published", ignored: newsgen reads "draft" for it'],
    ]);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found[1]?.hint).toContain('aliases: [/2016/09/banjir/]');
    expect(found[2]?.hint).toContain('`tags`');
    expect(found[9]?.hint).toContain('draft: true');
  });

  it('reads a date-valued `published` as Hugo’s publish date', () => {
    expect(warn(lines('---', 'title: A', 'published: 2016-09-09', '---'))[0]?.reason).toBe(
      'Unknown key "published", ignored: newsgen reads "date" for it',
    );
  });

  it('gives advice only where the mapping takes the newsgen key: a page has no section', () => {
    const found = warn(lines('---', 'title: A', 'categories: [X]', 'lastmod: 2016-09-10', '---'), PAGE_KEYS);
    expect(found.map((d) => d.reason)).toEqual([
      'Unknown key "categories", ignored',
      'Unknown key "lastmod", ignored: newsgen reads "updated" for it',
    ]);
  });

  it('keeps naming the nearest key for typos, and a known key in the wrong case', () => {
    expect(warn(lines('---', 'title: A', 'auther: Sari', '---'))[0]?.reason).toBe(
      'Unknown key "auther", did you mean "author"?',
    );
    expect(warn(lines('---', 'title: A', 'Description: Kami', '---'), PAGE_KEYS)[0]?.reason).toBe(
      'Unknown key "Description", did you mean "description"?',
    );
    expect(warn(lines('---', 'title: A', 'constructor: 1', '---'))[0]?.reason).toBe(
      'Unknown key "constructor", ignored',
    );
  });

  it('advises on top-level keys only, where a nested key is a typo or nothing', () => {
    expect(warn(lines('---', 'title: A', 'image: { src: /a.jpg, url: /b.jpg }', '---'))[0]?.reason).toBe(
      'Unknown key "url" in `image`, did you mean "src"?',
    );
  });
});
