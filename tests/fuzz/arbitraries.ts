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

/** A Markdown body mixing paragraphs, raw HTML inline and as blocks, links and lists. */
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
