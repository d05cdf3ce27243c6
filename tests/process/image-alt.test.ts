import { describe, expect, it } from 'vitest';
import { processWarnings } from '../helpers/process-warnings.js';

/** The `image-alt-missing` warnings of a file at `file` (an article, or a page under `pages/`) with `frontMatter` lines and `body` (from line 6). */
function altWarnings(frontMatter: string, file = 'nasional/banjir.md', body = 'Air naik sejak pagi.\n'): string[] {
  const text = `---\ntitle: Banjir di Kota\ndate: 2016-09-09 10:46\n${frontMatter}---\n\n${body}`;
  return processWarnings(file, text, 'image-alt-missing');
}

describe('a lead image without alternative text', () => {
  it('is a warning at the image, written as a path or as a mapping, on articles and pages', () => {
    expect(altWarnings('image: /images/banjir.jpg\n')).toEqual(['content/nasional/banjir.md:4:8 warning']);
    expect(altWarnings('image:\n  src: /images/banjir.jpg\n')).toEqual(['content/nasional/banjir.md:5:8 warning']);
    expect(altWarnings('image:\n  src: /images/banjir.jpg\n  alt: "   "\n')).toHaveLength(1);
    expect(altWarnings('image: /images/tim.jpg\n', 'pages/redaksi.md')).toEqual([
      'content/pages/redaksi.md:4:8 warning',
    ]);
  });

  it('passes with an alt, with a caption that stands for it, and with alt: "" written out for decoration', () => {
    expect(altWarnings('image:\n  src: /images/banjir.jpg\n  alt: Warga mengungsi dengan perahu\n')).toEqual([]);
    expect(altWarnings('image: /images/banjir.jpg\ncaption: Warga mengungsi dengan perahu.\n')).toEqual([]);
    expect(altWarnings('image:\n  src: /images/banjir.jpg\n  caption: Warga mengungsi.\n')).toEqual([]);
    expect(altWarnings('image:\n  src: /images/pola.svg\n  alt: ""\n')).toEqual([]);
    expect(altWarnings('')).toEqual([]);
  });
});

describe('a body image without alternative text', () => {
  const body = (text: string) => altWarnings('', 'nasional/banjir.md', text);

  it("is a warning at the image: Markdown's empty brackets, a gallery's photo, invisible text, a raw <img> without alt", () => {
    expect(body('Teks.\n\n![](/images/a.jpg)\n')).toEqual(['content/nasional/banjir.md:8:1 warning']);
    expect(body(':::gallery[Banjir]\n![Perahu karet](/images/a.jpg)\n![](/images/b.jpg)\n:::\n')).toEqual([
      'content/nasional/banjir.md:8:1 warning',
    ]);
    expect(body('Lihat ![\u200b](/images/a.jpg) ini.\n')).toEqual(['content/nasional/banjir.md:6:7 warning']);
    expect(body('<img src="/images/a.jpg">\n\n<img src="/images/b.jpg" alt=" ">\n')).toEqual([
      'content/nasional/banjir.md:6:1 warning',
      'content/nasional/banjir.md:8:1 warning',
    ]);
  });

  it('passes with a description, and with alt="" on a raw <img>, which marks decoration', () => {
    expect(body('![Perahu karet](/images/a.jpg)\n\n<img src="/images/garis.svg" alt="">\n')).toEqual([]);
    expect(body(':::gallery[Banjir]\n![Perahu karet](/images/a.jpg)\n![Warga](/images/b.jpg)\n:::\n')).toEqual([]);
  });
});
