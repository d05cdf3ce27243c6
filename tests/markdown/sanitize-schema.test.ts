import { describe, expect, test } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { parseFragment } from './parse-fragment.js';

const processor = createMarkdownProcessor();

/** Renders Markdown and parses the HTML the way a browser would. */
function renderToDom(markdown: string): HTMLElement {
  return parseFragment(processor.render(markdown).html);
}

/** Every attribute name in the tree, lower-cased. */
function listAttributeNames(body: HTMLElement): string[] {
  return [...body.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => attribute.name.toLowerCase()),
  );
}

/** The `href` or `src` of every element that has one. */
function listUrls(body: HTMLElement): string[] {
  return [...body.querySelectorAll('[href], [src]')].map(
    (element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '',
  );
}

describe('dangerous elements', () => {
  test.each([
    ['script', '<script>alert(1)</script>\n\nAman.'],
    ['inline script', 'Aman.<script>alert(1)</script>'],
    ['style', '<style>body { display: none }</style>\n\nAman.'],
    ['object', '<object data="x.swf"><param name="a" value="b"></object>\n\nAman.'],
    ['embed', '<embed src="x.swf">\n\nAman.'],
    ['form', '<form action="https://evil.example/"><input name="q"><button>Kirim</button></form>\n\nAman.'],
    ['textarea', '<textarea>rahasia</textarea>\n\nAman.'],
    ['template', '<template><img src=x onerror=alert(1)></template>\n\nAman.'],
  ])('%s is removed with its content', (_name, markdown) => {
    const body = renderToDom(markdown);
    expect(
      body.querySelector('script, style, object, embed, param, form, input, button, textarea, template'),
    ).toBeNull();
    expect(body.textContent?.trim()).toBe('Aman.');
  });

  test('svg is removed with its scripts and links', () => {
    const body = renderToDom(
      '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>klik</text></a></svg>\n\nAman.',
    );
    expect(body.querySelector('svg, script, a')).toBeNull();
    expect(body.textContent?.trim()).toBe('Aman.');
  });

  test('the math and style mutation trick leaves no live image', () => {
    const body = renderToDom(
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    );
    expect(body.querySelector('img, style, math')).toBeNull();
    expect(listAttributeNames(body).filter((name) => name.startsWith('on'))).toEqual([]);
  });

  test('noscript content cannot smuggle markup', () => {
    const body = renderToDom('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>');
    expect(body.querySelector('img[onerror]')).toBeNull();
    expect(listAttributeNames(body).filter((name) => name.startsWith('on'))).toEqual([]);
  });
});

describe('event handlers and styles', () => {
  test('img onerror is dropped but the image stays', () => {
    const body = renderToDom('<img src="/foto.jpg" alt="Foto" onerror="alert(1)" onload="alert(2)">');
    const img = body.querySelector('img');
    expect(img?.getAttribute('src')).toBe('/foto.jpg');
    expect(listAttributeNames(body)).toEqual(['src', 'alt']);
  });

  test('no element keeps an on* handler or a style attribute', () => {
    const body = renderToDom(
      [
        '<p onclick="alert(1)" style="color:red">a</p>',
        '<details ontoggle="alert(1)" open><summary onmouseover="alert(2)">b</summary>c</details>',
        '<a href="/x" onfocus="alert(3)" autofocus>d</a>',
        '<div onpointerenter="alert(4)">e</div>',
      ].join('\n\n'),
    );
    expect(
      listAttributeNames(body).filter((name) => name.startsWith('on') || name === 'style' || name === 'autofocus'),
    ).toEqual([]);
  });

  test('class names other than the allowed ones are dropped', () => {
    const body = renderToDom('<p class="paywall">a <span class="dateline hidden">b</span></p>');
    expect(body.querySelector('p')?.hasAttribute('class')).toBe(false);
    expect(body.querySelector('span')?.className).toBe('dateline');
  });
});

describe('URLs', () => {
  test.each([
    ['a javascript: link in Markdown', '[klik](javascript:alert(1))'],
    ['mixed case', '[klik](JaVaScRiPt:alert(1))'],
    ['a vbscript: link', '[klik](vbscript:msgbox(1))'],
    ['a data: link', '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a javascript: link in raw HTML', '<a href="javascript:alert(1)">klik</a>'],
    ['an entity-encoded scheme', '<a href="&#106;avascript:alert(1)">klik</a>'],
    ['a hex-entity colon', '<a href="javascript&#x3A;alert(1)">klik</a>'],
    ['leading whitespace', '<a href=" javascript:alert(1)">klik</a>'],
    ['a tab inside the scheme', '<a href="java&#9;script:alert(1)">klik</a>'],
    ['a newline inside the scheme', '<a href="java\nscript:alert(1)">klik</a>'],
    ['a reference definition', '[klik][x]\n\n[x]: javascript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>'],
  ])('%s loses its href', (_name, markdown) => {
    const body = renderToDom(markdown);
    expect(body.querySelector('a')).not.toBeNull();
    expect(listUrls(body)).toEqual([]);
  });

  test.each([
    ['a data: image in Markdown', '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)'],
    ['a data: image in HTML', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">'],
    ['a javascript: image', '<img src="javascript:alert(1)" alt="x">'],
  ])('%s loses its src', (_name, markdown) => {
    const body = renderToDom(markdown);
    expect(body.querySelector('img')).not.toBeNull();
    expect(listUrls(body)).toEqual([]);
  });

  test('http, https, mailto, tel and relative URLs are kept', () => {
    const body = renderToDom(
      '[a](https://example.com/a) [b](http://example.com/b) [c](mailto:redaksi@example.com) [d](tel:+62215550100) [e](/berita/x/) [f](../y) [g](?page=2) [h](#bagian)\n\n![i](/foto/i.jpg)',
    );
    expect(listUrls(body)).toEqual([
      'https://example.com/a',
      'http://example.com/b',
      'mailto:redaksi@example.com',
      'tel:+62215550100',
      '/berita/x/',
      '../y',
      '?page=2',
      '#user-content-bagian',
      '/foto/i.jpg',
    ]);
  });

  test('srcset cannot bring in unchecked URLs', () => {
    const body = renderToDom(
      '<picture><source srcset="data:image/png;base64,AAAA 1x"><img src="/foto.jpg" alt="Foto" srcset="data:image/png;base64,AAAA 2x"></picture>',
    );
    expect(body.querySelector('source, picture, [srcset]')).toBeNull();
    expect(body.querySelector('img')?.getAttribute('src')).toBe('/foto.jpg');
  });
});

describe('iframes', () => {
  test('an embed from an allowed host keeps its player attributes', () => {
    const body = renderToDom(
      '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abc123" title="Video" frameborder="0" allow="autoplay; encrypted-media" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen onload="alert(1)" srcdoc="<script>alert(1)</script>" style="position:fixed"></iframe>',
    );
    const iframe = body.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc123');
    expect(iframe?.hasAttribute('allowfullscreen')).toBe(true);
    expect(iframe?.getAttribute('allow')).toBe('autoplay; encrypted-media');
    expect(iframe?.getAttribute('title')).toBe('Video');
    expect(iframe?.hasAttribute('onload')).toBe(false);
    expect(iframe?.hasAttribute('srcdoc')).toBe(false);
    expect(iframe?.hasAttribute('style')).toBe(false);
  });

  test.each([
    ['another host', 'https://evil.example/embed'],
    ['a look-alike host', 'https://www.youtube.com.evil.example/embed/x'],
    ['a subdomain that is not listed', 'https://m.youtube.com/embed/x'],
    ['plain http', 'http://www.youtube.com/embed/x'],
    ['a relative URL', '/embed/x'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['credentials that hide the host', 'https://www.youtube.com@evil.example/embed'],
  ])('an iframe from %s is removed entirely', (_name, src) => {
    const body = renderToDom(`<iframe src="${src}">fallback</iframe>\n\nAman.`);
    expect(body.querySelector('iframe')).toBeNull();
    expect(body.textContent?.trim()).toBe('Aman.');
  });

  test('an iframe without src is removed', () => {
    expect(renderToDom('<iframe srcdoc="<script>alert(1)</script>"></iframe>').querySelector('iframe')).toBeNull();
  });
});

describe('DOM clobbering', () => {
  test('ids and names from raw HTML are prefixed', () => {
    const body = renderToDom('<a id="config" name="settings" href="/x">x</a>');
    const link = body.querySelector('a');
    expect(link?.id).toBe('user-content-config');
    expect(link?.getAttribute('name')).toBe('user-content-settings');
  });
});
