import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import type { MarkdownExtension } from '../../src/markdown/markdown-extension.js';
import { isScriptUrl } from '../../src/markdown/rehype-strip-script-urls.js';
import { catchNewsgenError } from '../helpers/catch-newsgen-error.js';

/** A remark plugin turning straight double quotes into Indonesian typographic ones. */
function remarkQuotes(options: { open: string; close: string } = { open: '“', close: '”' }) {
  return (tree: MdastRoot) => {
    visit(tree, 'text', (node: Text) => {
      let open = true;
      node.value = node.value.replace(/"/g, () => {
        const mark = open ? options.open : options.close;
        open = !open;
        return mark;
      });
    });
  };
}

/** A rehype plugin adding `class="external"` to links leaving the site. */
function rehypeExternal() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a' && String(node.properties['href']).startsWith('https://'))
        node.properties['className'] = ['external', 'tracked'];
    });
  };
}

/** A rehype plugin that tries everything the sanitizer exists to stop. */
function rehypeHostile() {
  return (tree: HastRoot) => {
    tree.children.push(
      { type: 'element', tagName: 'script', properties: { src: 'https://evil.example/x.js' }, children: [] },
      {
        type: 'element',
        tagName: 'p',
        properties: { onClick: 'steal()', onMouseOver: 'steal()' },
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: { href: 'javascript:steal()' },
            children: [{ type: 'text', value: 'klik' }],
          },
        ],
      },
      {
        type: 'element',
        tagName: 'script',
        properties: { src: ' JaVaScRiPt:steal()', onLoad: 'steal()', dataSrc: 'data:text/html,<b>' },
        children: [],
      },
    );
  };
}

function render(markdown: string, extensions: MarkdownExtension[]) {
  return createMarkdownProcessor(extensions).render(markdown);
}

describe('Markdown extensions from plugins', () => {
  it('runs a remark and a rehype plugin, each with its options, around newsgen’s own steps', () => {
    const { html } = render('Ia berkata "cukup" lalu pergi ke [situs](https://contoh.id).\n\n## Judul\n', [
      { name: 'quotes', remarkPlugins: [[remarkQuotes, { open: '«', close: '»' }]] },
      { name: 'external', rehypePlugins: [rehypeExternal], sanitize: { classes: { a: ['external'] } } },
    ]);
    expect(html).toContain('Ia berkata «cukup» lalu');
    // The class the plugin's schema allows stays; the other one it added does not.
    expect(html).toContain('<a href="https://contoh.id" class="external">situs</a>');
    expect(html).toContain('<h2 id="user-content-judul">Judul</h2>');
  });

  it('strips the script and the handlers a hostile rehype plugin adds', () => {
    const { html } = render('Berita.\n', [{ name: 'hostile', rehypePlugins: [rehypeHostile] }]);
    expect(html).not.toMatch(/script|onclick|onmouseover|javascript|steal/i);
    expect(html).toContain('<p><a>klik</a></p>');
  });

  it('leaves script URLs, which the sanitizer strips however they are spelled, out of the links to check', () => {
    const rendered = render('<a href="java&#9;script:steal()">a</a> <a href="JaVa&#10;ScRiPt:x">b</a> [c](/c/)\n', []);
    expect(rendered.html).not.toMatch(/script/i);
    expect(rendered.references.references.map((reference) => reference.url)).toEqual(['/c/']);
  });

  it('keeps an element a plugin allows, but never an event handler or a script URL on it', () => {
    const { html } = render('Berita.\n', [
      {
        name: 'hostile',
        rehypePlugins: [rehypeHostile],
        sanitize: { elements: ['script'], attributes: { script: ['src', 'onload', 'data-src'], '*': ['onclick'] } },
      },
    ]);
    expect(html).toContain('<script src="https://evil.example/x.js"></script>');
    expect(html).toContain('<script></script>');
    expect(html).not.toMatch(/onclick|onmouseover|onload|javascript|data:|steal/i);
  });

  it('lets an added embed host through with its own attributes, which no other host’s iframe keeps', () => {
    const markdown = [
      '<iframe src="https://e.infogram.com/abc" scrolling="no" data-id="7" srcdoc="<b>x</b>"></iframe>',
      '',
      '<iframe src="https://www.youtube.com/embed/x" scrolling="no" data-id="7"></iframe>',
      '',
      '<iframe src="https://evil.example/abc"></iframe>',
      '',
    ].join('\n');
    const extension = { name: 'infogram', embeds: [{ host: 'e.infogram.com', attributes: ['scrolling', 'data-id'] }] };
    const { html } = render(markdown, [extension]);
    expect(html).toContain('<iframe src="https://e.infogram.com/abc" scrolling="no" data-id="7" loading="lazy">');
    expect(html).toContain('<iframe src="https://www.youtube.com/embed/x" loading="lazy">');
    expect(html).not.toContain('evil.example');
    expect(html).not.toContain('srcdoc');
    expect(render(markdown, []).html).not.toContain('infogram');
  });

  it('lets a plugin’s remark step take a directive of its own, and reports the ones no plugin takes', () => {
    const remarkPullquote = () => (tree: MdastRoot) => {
      visit(tree, 'containerDirective', (node) => {
        if (node.name === 'pullquote') node.data = { hName: 'blockquote', hProperties: { className: ['pullquote'] } };
      });
    };
    const markdown = ':::pullquote\nKutipan **besar**.\n:::\n\n::youtub[Video]{id=pH7sNw4cJ0e}\n\n:::kotak\nx\n:::\n';
    const rendered = render(markdown, [
      { name: 'kutipan', remarkPlugins: [remarkPullquote], sanitize: { classes: { blockquote: ['pullquote'] } } },
    ]);
    expect(rendered.html).toContain(
      '<blockquote class="pullquote"><p>Kutipan <strong>besar</strong>.</p></blockquote>',
    );
    expect(rendered.html).not.toMatch(/youtub|kotak/);
    expect(rendered.messages.map((message) => [message.ruleId, message.place?.line])).toEqual([
      ['embed-unknown', 5],
      ['embed-unknown', 7],
    ]);
  });

  it('reports a plugin that throws with its name, and with its place when it gives one', () => {
    const failing = () => (tree: MdastRoot, file: VFile) => {
      visit(tree, 'text', (node: Text) => {
        if (node.value.includes('rahasia')) file.fail('Kata terlarang', node);
      });
    };
    const caught = catchNewsgenError(() =>
      render('Baris satu.\n\nIni rahasia.\n', [{ name: 'sensor', remarkPlugins: [failing] }]),
    );
    expect(caught.code).toBe('plugin-error');
    expect(caught.message).toBe('Plugin "sensor" failed: Kata terlarang');
    expect(caught.place).toEqual({ line: 3, column: 1 });
    const throwing = () => () => {
      throw new TypeError('cannot read x');
    };
    const thrown = catchNewsgenError(() => render('Berita.\n', [{ name: 'rusak', rehypePlugins: [throwing] }]));
    expect(thrown.message).toBe('Plugin "rusak" failed: cannot read x');
    expect(thrown.place).toBeUndefined();
  });

  it('names the plugin that leaves a tree the next steps cannot read, instead of crashing in them', () => {
    const bare = () => (tree: HastRoot) => {
      tree.children.push({ type: 'element', tagName: 'p', children: [] } as unknown as Element);
    };
    const caught = catchNewsgenError(() => render('Berita.\n', [{ name: 'kotak', rehypePlugins: [bare] }]));
    expect(caught.code).toBe('plugin-error');
    expect(caught.message).toBe(
      'Plugin "kotak" failed: it left a <p> element without properties (an object, {} for none)',
    );
    const noUrl = () => (tree: MdastRoot) => {
      visit(tree, 'paragraph', (paragraph) => {
        paragraph.children.push({ type: 'link', children: [] } as unknown as Text);
      });
    };
    const linked = catchNewsgenError(() => render('Satu.\n\nDua.\n', [{ name: 'tautan', remarkPlugins: [noUrl] }]));
    expect(linked.message).toBe('Plugin "tautan" failed: it left a "link" node without a string url');
    // At the paragraph it went into: the link itself has no place.
    expect(linked.place).toEqual({ line: 1, column: 1 });
  });

  it('fails once, naming the plugin, when a plugin cannot set itself up', () => {
    const broken = () => {
      throw new Error('missing option `key`');
    };
    const caught = catchNewsgenError(() => createMarkdownProcessor([{ name: 'kunci', remarkPlugins: [broken] }]));
    expect(caught.message).toBe('Plugin "kunci" could not start: missing option `key`');
  });

  it('refuses a plugin that works asynchronously, naming it', () => {
    const lazy = () => async () => undefined;
    const caught = catchNewsgenError(() => render('Berita.\n', [{ name: 'lambat', rehypePlugins: [lazy] }]));
    expect(caught.message).toContain('Plugin "lambat" failed: it returned a promise');
  });

  it('gives back what plugins said about the body, with their names and places', () => {
    const noisy = () => (tree: MdastRoot, file: VFile) => {
      visit(tree, 'text', (node: Text) => {
        if (node.value.includes('TODO')) file.message('Sisa catatan penyunting', node);
      });
    };
    const rendered = render('Satu.\n\nMasih TODO.\n', [{ name: 'catatan', remarkPlugins: [noisy] }]);
    expect(rendered.pluginMessages).toEqual([
      { plugin: 'catatan', reason: 'Sisa catatan penyunting', place: { line: 3, column: 1 } },
    ]);
    expect(render('Satu.\n', []).pluginMessages).toEqual([]);
  });
});

describe('isScriptUrl', () => {
  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:x',
    'java\tscript:x',
    'JAVASCRIPT:x',
    'vbscript:x',
    'data:text/html,x',
  ])('treats %j as a script URL', (value) => {
    expect(isScriptUrl(value)).toBe(true);
  });

  it.each(['https://contoh.id/', '/javascript:x', 'a javascript: b', 'datastream', 7, undefined])(
    'leaves %j alone',
    (value) => {
      expect(isScriptUrl(value)).toBe(false);
    },
  );
});
