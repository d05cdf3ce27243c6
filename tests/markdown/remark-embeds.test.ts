import { describe, expect, test } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import { resolveStrings } from '../../src/i18n/strings.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { expandComponents } from '../../src/markdown/expand-components.js';
import { createRenderer } from '../../src/render/create-renderer.js';
import { parseFragment } from './parse-fragment.js';

const processor = createMarkdownProcessor();
const theme = await createRenderer({
  themeDir: THEME_DIR,
  templatesDir: undefined,
  strings: resolveStrings('id-ID', {}),
});

/** A body as a page shows it: the Markdown stage's HTML with its components rendered by the built-in theme. */
function render(markdown: string) {
  const result = processor.render(markdown);
  const html = expandComponents(result.html, theme.renderComponent);
  return { ...result, html, body: parseFragment(html) };
}

/** The messages of a body as `line:column rule reason`. */
function problems(markdown: string): string[] {
  return processor
    .render(markdown)
    .messages.map((message) => `${message.place?.line}:${message.place?.column} ${message.ruleId} ${message.reason}`);
}

describe('video facades', () => {
  test('a YouTube video is a link to it with a play button, a title and the poster, and no player', () => {
    const { body, messages } = render(
      'Teks.\n\n::youtube[Menjajal bus listrik]{id=pH7sNw4cJ0e poster=/images/bus.jpg caption="Uji coba rute bandara."}\n',
    );
    expect(messages).toEqual([]);
    const link = body.querySelector('figure.embed.embed-video .embed-box a.embed-facade');
    expect(link?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=pH7sNw4cJ0e');
    expect(link?.getAttribute('data-embed')).toBe('youtube');
    expect(link?.querySelector('.embed-title')?.textContent).toBe('Menjajal bus listrik');
    expect(link?.querySelector('.embed-play')).not.toBeNull();
    expect(link?.querySelector('img')?.getAttribute('src')).toBe('/images/bus.jpg');
    expect(link?.querySelector('img')?.getAttribute('alt')).toBe('');
    expect(body.querySelector('figcaption')?.textContent).toBe('Uji coba rute bandara.');
    expect(body.querySelector('iframe')).toBeNull();
  });

  test('a Vimeo video links to its page and needs no poster', () => {
    const { body } = render('::vimeo[Film pendek nelayan]{id=76979871}');
    expect(body.querySelector('a.embed-facade')?.getAttribute('href')).toBe('https://vimeo.com/76979871');
    expect(body.querySelector('a.embed-facade img')).toBeNull();
    expect(body.querySelector('.embed-brand')?.textContent).toBe('Vimeo');
  });

  test('a missing title, an id of the wrong shape and a poster with another scheme are errors at the line', () => {
    expect(problems('Teks.\n\n::youtube{id=abc}\n\n::vimeo[Film]{id=12345 poster="javascript:alert(1)"}')).toEqual([
      '3:1 embed-invalid ::youtube needs a title in brackets, for screen readers',
      '3:1 embed-invalid Unexpected id "abc" in ::youtube, expected the 11-character video id from the YouTube URL (watch?v=…)',
      '5:1 embed-invalid Unexpected poster "javascript:alert(1)" in ::vimeo, expected a path such as /media/file or an https:// URL',
    ]);
  });
});

describe('social posts', () => {
  test('a post on X is a quote with its text and a link, without tracking parameters or any script', () => {
    const { body, html } = render(
      '::x[Hujan deras sejak pagi, warga diminta waspada.]{url="https://twitter.com/infobmkg/status/1234567890?s=20"}',
    );
    const quote = body.querySelector('figure.embed-social blockquote.embed-post');
    expect(quote?.getAttribute('cite')).toBe('https://twitter.com/infobmkg/status/1234567890');
    expect(quote?.querySelector('p')?.textContent).toBe('Hujan deras sejak pagi, warga diminta waspada.');
    const link = quote?.querySelector('a[data-embed="x"]');
    expect(link?.textContent).toBe('@infobmkg · X');
    expect(html).not.toContain('<script');
  });

  test('an Instagram post links to its permalink', () => {
    const { body } = render('::instagram{url=https://www.instagram.com/p/C1a2B3c4D5e/}');
    expect(body.querySelector('a[data-embed="instagram"]')?.getAttribute('href')).toBe(
      'https://www.instagram.com/p/C1a2B3c4D5e/',
    );
  });

  test('a URL of another site or of something other than a post is an error', () => {
    expect(
      problems('::x{url=https://x.com.example/a/status/1}\n\n::instagram{url=https://www.instagram.com/warta/}'),
    ).toEqual([
      '1:1 embed-invalid Unexpected url "https://x.com.example/a/status/1" in ::x, expected the address of a post, such as https://x.com/user/status/123…',
      '3:1 embed-invalid Unexpected url "https://www.instagram.com/warta/" in ::instagram, expected the address of a post, such as https://www.instagram.com/p/AbC123/',
    ]);
  });
});

describe('charts, audio and galleries', () => {
  test('a Datawrapper chart is a lazy iframe with its title and height', () => {
    const { body } = render('::datawrapper[Harga cabai sepekan]{id=aB3dE height=420}');
    const frame = body.querySelector('figure.embed-chart iframe');
    expect(frame?.getAttribute('src')).toBe('https://datawrapper.dwcdn.net/aB3dE/');
    expect(frame?.getAttribute('title')).toBe('Harga cabai sepekan');
    expect(frame?.getAttribute('height')).toBe('420');
    expect(frame?.getAttribute('loading')).toBe('lazy');
    expect(frame?.getAttribute('data-embed')).toBe('datawrapper');
  });

  test('a Flourish visualisation gets a default height', () => {
    const frame = render('::flourish[Peta curah hujan]{id=1234567}').body.querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe('https://flo.uri.sh/visualisation/1234567/embed');
    expect(frame?.getAttribute('height')).toBe('500');
  });

  test('an audio file gets the browser player, loaded only when played, and a link to the file', () => {
    const { body } = render('::audio[Wawancara lengkap]{src=/audio/wawancara.mp3}');
    const audio = body.querySelector('figure.embed-audio audio');
    expect(audio?.getAttribute('src')).toBe('/audio/wawancara.mp3');
    expect(audio?.hasAttribute('controls')).toBe(true);
    expect(audio?.getAttribute('preload')).toBe('none');
    expect(audio?.querySelector('a')?.getAttribute('href')).toBe('/audio/wawancara.mp3');
    expect(body.querySelector('figcaption')?.textContent).toBe('Wawancara lengkap');
  });

  test('a gallery shows its images with their titles as captions, under its own caption', () => {
    const { body, messages } = render(
      ':::gallery[Suasana pasar]\n![Pedagang cabai](/images/cabai.jpg "Pedagang menata cabai")\n![Kopi](/images/kopi.jpg)\n:::\n',
    );
    expect(messages).toEqual([]);
    const items = [...body.querySelectorAll('figure.gallery .gallery-grid > figure')];
    expect(items.map((item) => item.querySelector('img')?.getAttribute('alt'))).toEqual(['Pedagang cabai', 'Kopi']);
    expect(items.map((item) => item.querySelector('figcaption')?.textContent ?? null)).toEqual([
      'Pedagang menata cabai',
      null,
    ]);
    expect(body.querySelector('figure.gallery > figcaption')?.textContent).toBe('Suasana pasar');
  });

  test('a gallery photo with a script address is an error, like a poster', () => {
    expect(problems(':::gallery\n![A](/a.jpg)\n![B](javascript:alert(1))\n:::')).toEqual([
      '1:1 embed-invalid Unexpected image "javascript:alert(1)" in :::gallery, expected a path or an http(s) URL',
    ]);
  });

  test("the photos of a gallery, each at its own line, and a video's poster are listed for the image stage", () => {
    const result = processor.render(
      '::youtube[Video]{id=pH7sNw4cJ0e poster=/images/bus.jpg}\n\n:::gallery\n![A](/images/a.jpg)\n:::\n',
    );
    expect(result.images.map((image) => `${image.src} ${image.line}`)).toEqual([
      '/images/bus.jpg 1',
      '/images/a.jpg 4',
    ]);
  });

  test('text inside a gallery is an error where it is, and an empty gallery is one too', () => {
    expect(problems(':::gallery\n![A](/a.jpg)\n\nBukan foto.\n:::\n\n:::gallery\n:::')).toEqual([
      '4:1 embed-invalid A gallery holds only images',
      '7:1 embed-invalid Empty gallery',
    ]);
  });
});

describe('directives in general', () => {
  test('an unknown component is an error naming the ones there are', () => {
    const [message] = processor.render('Teks.\n\n::youtub[Video]{id=pH7sNw4cJ0e}').messages;
    expect(message).toMatchObject({ ruleId: 'embed-unknown', place: { line: 3, column: 1 } });
    expect(message?.hint).toContain('youtube, vimeo, x, instagram, datawrapper, flourish, audio, related, gallery');
  });

  test('a component that cannot be read (an unquoted URL with "=") is an error, not silent text', () => {
    const [message] = processor.render('::x{url=https://x.com/a/status/1?s=20}').messages;
    expect(message).toMatchObject({ ruleId: 'embed-invalid', reason: 'Could not read this component' });
    expect(message?.hint).toContain('quotes');
  });

  test('colons inside sentences stay text: there are no inline directives', () => {
    expect(processor.render('Catatan:penting, pukul 10:30 :senyum: dan ::tanda.').html).toBe(
      '<p>Catatan:penting, pukul 10:30 :senyum: dan ::tanda.</p>',
    );
  });

  test('a "read also" link leaves a placeholder and lists its slug with its place', () => {
    const { html, readAlso } = render('Teks.\n\n::related{slug=harga-cabai-turun}\n');
    expect(html).toContain('<p data-related="harga-cabai-turun"></p>');
    expect(readAlso).toEqual([{ slug: 'harga-cabai-turun', place: { line: 3, column: 1 } }]);
    expect(problems('::related{slug="Bukan Slug"}')).toEqual([
      '1:1 embed-invalid Unexpected slug "Bukan Slug" in ::related, expected another article\'s slug, such as harga-cabai-turun',
    ]);
  });

  test('raw HTML cannot borrow component markup beyond the allowed values', () => {
    const { body } = render(
      '<a class="embed-facade evil" data-embed="javascript" href="https://a.example/">x</a> <p data-related="../x">y</p>',
    );
    expect(body.querySelector('a')?.className).toBe('embed-facade');
    expect(body.querySelector('a')?.hasAttribute('data-embed')).toBe(false);
    expect(body.querySelector('p')?.hasAttribute('data-related')).toBe(false);
  });

  test('a component placeholder written as raw HTML is checked like a directive, so a bad one renders nothing', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const evil = encode({ label: 'x', attributes: { id: '"><script>alert(1)</script>' } });
    const good = encode({ label: 'Video', attributes: { id: 'pH7sNw4cJ0e' } });
    const { html, body } = render(
      `<div data-component="youtube" data-input="${evil}"></div>\n\n<div data-component="youtube" data-input="not json"></div>\n\n<div data-component="youtube" data-input="${good}"></div>`,
    );
    expect(html).not.toContain('script');
    expect(body.querySelectorAll('a.embed-facade')).toHaveLength(1);
    expect(body.querySelector('a.embed-facade')?.getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=pH7sNw4cJ0e',
    );
  });

  test('a body shown without the theme (no renderer) leaves its components out', () => {
    const { html } = processor.render('Teks.\n\n::vimeo[Film]{id=76979871}\n');
    expect(expandComponents(html, undefined)).toBe('<p>Teks.</p>\n');
  });
});
