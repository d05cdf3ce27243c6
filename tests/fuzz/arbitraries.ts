import fc from 'fast-check';

/** Text authors paste: words, markup characters, control characters XML forbids, scripts and emoji. */
export const pastedText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Harga',
        'cabai',
        'naik',
        'José',
        'C++',
        'C#',
        '東京',
        '😀',
        'ñ',
        '&amp;',
        '&',
        '"',
        "'",
        '<',
        '>',
      ),
      fc.constantFrom(
        '\u0007',
        '\u000b',
        '\u000c',
        '\u001f',
        '\ufffe',
        '\t',
        ' ',
        '\u00a0',
        '\u200b',
        '\\',
        '`',
        '*',
        '_',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const tagNames = fc.constantFrom(
  'form',
  'template',
  'select',
  'textarea',
  'object',
  'plaintext',
  'noscript',
  'xmp',
  'title',
  'iframe',
  'script',
  'style',
  'svg',
  'math',
  'button',
  'option',
  'a',
  'img',
  'div',
  'p',
  'b',
  'table',
  'td',
  'details',
  'figure',
  'video',
  'embed',
  'base',
  'meta',
  'noembed',
  'frameset',
  'input',
);

const attributes = fc.array(
  fc.tuple(
    fc.constantFrom(
      'onload',
      'onerror',
      'onclick',
      'href',
      'src',
      'style',
      'srcdoc',
      'allow',
      'sandbox',
      'id',
      'xlink:href',
      'formaction',
      'data',
    ),
    fc.constantFrom(
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      ' javascript:x',
      'vbscript:x',
      'data:text/html,<script>x</script>',
      'https://www.youtube.com/embed/x',
      'HTTPS://WWW.YOUTUBE.COM/embed/y',
      'https://evil.example/',
      '/ok',
      'alert(1)',
      'camera; microphone',
    ),
  ),
  { maxLength: 3 },
);

/** One piece of raw HTML: a start tag (often never closed), an end tag, a comment or a declaration. */
export const rawHtml = fc.oneof(
  fc
    .tuple(tagNames, attributes, fc.boolean())
    .map(
      ([name, attrs, selfClose]) =>
        `<${name}${attrs.map(([key, value]) => ` ${key}="${value}"`).join('')}${selfClose ? '/' : ''}>`,
    ),
  tagNames.map((name) => `</${name}>`),
  fc.constantFrom(
    '<!-- catatan',
    '<!-- x -->',
    '<![CDATA[ x',
    '<?php echo 1 ?>',
    '<!DOCTYPE html>',
    '<a href="javascript:alert(1)">x</a>',
  ),
);

/** Markdown formatting that becomes an element (`<em>`, `<strong>`, `<code>`, `<a>`). */
const inlineFormatting = fc.constantFrom('_miring_', '**tebal**', '`kode`', '[tautan](/x)');

/** A value of a component's attribute: a valid id or URL, a script URL, or pasted text. */
const componentValue = fc.oneof(
  pastedText,
  fc.constantFrom(
    'pH7sNw4cJ0e',
    '76979871',
    'https://x.com/infobencana/status/1234567890',
    'https://www.instagram.com/p/C1a2B3c4D5e/',
    '/audio/wawancara.mp3',
    'javascript:alert(1)',
    'data:text/html,<script>x</script>',
    '//evil.example/x',
    '1e309',
    '-1',
  ),
);

/**
 * A component as an author types it, or mistypes it: a leaf (`::youtube[…]{…}`), a container left
 * open or closed, an unknown name, attributes quoted or not and holding anything.
 */
const component = fc
  .tuple(
    fc.constantFrom('::', ':::', ':', '::::'),
    fc.constantFrom(
      'youtube',
      'vimeo',
      'x',
      'instagram',
      'datawrapper',
      'flourish',
      'audio',
      'related',
      'gallery',
      'youtub',
    ),
    fc.option(pastedText),
    fc.array(
      fc.tuple(
        fc.constantFrom('id', 'url', 'src', 'poster', 'caption', 'height', 'slug', '#a', '.b', 'onload', 'style'),
        componentValue,
        fc.constantFrom('"', "'", ''),
      ),
      { maxLength: 3 },
    ),
  )
  .map(
    ([colons, name, label, attributes]) =>
      `${colons}${name}${label === null ? '' : `[${label}]`}{${attributes.map(([key, value, quote]) => `${key}=${quote}${value}${quote}`).join(' ')}}`,
  );

/** GFM a newsroom uses: a table, a footnote and its definition, a bare URL or address, a gallery. */
const gfmBlock = fc.oneof(
  fc
    .tuple(pastedText, pastedText, fc.constantFrom('---', ':-:', '--:', '-'))
    .map(([a, b, align]) => `| ${a} | ${b} |\n|${align}|---|\n| ${b} | ${a} |`),
  fc.constantFrom(
    'Data[^1] sementara.\n\n[^1]: Dari posko ',
    '[^1]',
    'https://x.example/a?b=1 ',
    'www.contoh.id',
    'redaksi@contoh.id',
    '<https://x.example>',
    '<javascript:alert(1)>',
    '[r]: javascript:x\n\n[r]',
    '![g](javascript:alert(1) "t")',
    ':::gallery[Foto]\n![a](/images/a.jpg "Judul")\n:::',
    ':::',
  ),
);

/** A Markdown body mixing paragraphs, raw HTML inline and as blocks, links, lists, components and GFM. */
export const markdownBody = fc
  .array(
    fc.oneof(
      pastedText,
      rawHtml,
      fc.tuple(pastedText, rawHtml, pastedText).map(([a, html, b]) => `${a} ${html} ${b}`),
      // An element closed later in its sentence with formatting and raw HTML inside: the formatting
      // reaches the HTML parser as elements, not text (found by fuzzing, seed 60120601).
      fc
        .tuple(tagNames, inlineFormatting, rawHtml)
        .map(([name, formatting, inner]) => `Teks <${name}> ${formatting} ${inner} </${name}> akhir`),
      // A tag left open inside formatting, then an element closed in the sentence: the parser reopens
      // `<b>` or `<a>` after `</strong>`, and a `<form>` then puts it around the next paragraph.
      fc
        .tuple(fc.constantFrom('**', '_', '~~'), tagNames, tagNames)
        .map(([mark, name, inner]) => `Teks ${mark}<${name}>${mark} <${inner}> </${inner}> akhir`),
      component,
      gfmBlock,
      fc.constantFrom(
        '\n\n',
        '\n',
        '- ',
        '> ',
        '# ',
        '[tautan](javascript:alert(1))',
        '![g](x.png)',
        '[a](b ',
        '```\n',
      ),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** A YAML scalar or list as front matter may hold it, quoted or not. */
export const frontMatterValue = fc.oneof(
  pastedText.map((text) => JSON.stringify(text)),
  pastedText.filter((text) => /^[\p{L}\p{N} ]+$/u.test(text)),
  fc
    .array(
      pastedText.map((text) => JSON.stringify(text)),
      { maxLength: 3 },
    )
    .map((items) => `[${items.join(', ')}]`),
  fc.constantFrom('2026-11-26', '2026-02-30', '[a, b', '{x: 1}', '12', 'true', '', '~', '"CON"', '"//host/x.png"'),
);
