import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseXml } from '../../src/import/parse-xml.js';
import { type ImportPlan, planImport } from '../../src/import/plan-import.js';
import { readWxr } from '../../src/import/read-wxr.js';
import { formatImportSummary } from '../../src/import/run-import.js';
import { catchNewsgenError } from '../helpers/catch-newsgen-error.js';

const SETTINGS = {
  timeZone: 'Asia/Jakarta',
  baseUrl: 'https://lama.example.com/',
  permalink: '/:section/:slug/',
  sections: ['berita'],
  fallbackSection: 'berita',
  contentLabel: 'content',
};

/** A WXR document holding these `<item>`s (and, first, an author). */
function wxr(...items: string[]): string {
  return `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>sari</wp:author_login><wp:author_display_name>Sari Lestari</wp:author_display_name></wp:author>
${items.join('\n')}
</channel></rss>`;
}

/** An `<item>` with defaults a published post has; `fields` replace or add its elements. */
function item(fields: Record<string, string> = {}, extra = ''): string {
  const all: Record<string, string> = {
    title: 'Pasar Ikan Ramai',
    link: 'https://lama.example.com/2026/03/02/pasar-ikan/',
    'dc:creator': 'sari',
    'content:encoded': '<p>Pembeli memadati pasar sejak subuh.</p>',
    'excerpt:encoded': '',
    'wp:post_id': '7',
    'wp:post_date': '2026-03-02 08:30:00',
    'wp:post_date_gmt': '2026-03-02 01:30:00',
    'wp:post_name': 'pasar-ikan',
    'wp:status': 'publish',
    'wp:post_type': 'post',
    ...fields,
  };
  const elements = Object.entries(all).map(([name, value]) => `<${name}><![CDATA[${value}]]></${name}>`);
  return `<item>${elements.join('')}${extra}</item>`;
}

function plan(xml: string, baseUrl = SETTINGS.baseUrl): ImportPlan {
  return planImport(readWxr(parseXml(xml, 'ekspor.xml'), 'ekspor.xml'), { ...SETTINGS, baseUrl });
}

/** The front matter and body of the only planned file. */
function only(xml: string): { path: string; data: Record<string, unknown>; body: string } {
  const [file] = plan(xml).files;
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(file?.text ?? '') ?? [];
  return { path: file?.path ?? '', data: parse(yaml) as Record<string, unknown>, body };
}

const CATEGORY = (domain: string, name: string) => `<category domain="${domain}"><![CDATA[${name}]]></category>`;

describe('planImport', () => {
  it('maps a post to newsgen front matter: GMT date in the site zone, author name, section, tags, summary, id', () => {
    const { path, data } = only(
      wxr(
        item(
          { 'excerpt:encoded': '<p>Harga ikan <em>turun</em>.</p>', 'wp:post_modified_gmt': '2026-03-02 03:00:00' },
          CATEGORY('category', 'Ekonomi Daerah') + CATEGORY('category', 'Pesisir') + CATEGORY('post_tag', 'Ikan'),
        ),
      ),
    );
    expect(path).toBe('ekonomi-daerah/pasar-ikan.md');
    expect(data).toMatchObject({
      title: 'Pasar Ikan Ramai',
      date: '2026-03-02T08:30:00+07:00',
      updated: '2026-03-02T10:00:00+07:00',
      author: 'Sari Lestari',
      section: 'Ekonomi Daerah',
      tags: ['Pesisir', 'Ikan'],
      summary: 'Harga ikan turun.',
      aliases: ['/2026/03/02/pasar-ikan/'],
    });
    expect(data.id).toMatch(/^[0-9a-f]{10}$/);
    expect(data.draft).toBeUndefined();
  });

  it('dates a draft without a GMT date in the site zone, marks it a draft and gives no alias for /?p=', () => {
    const { path, data } = only(
      wxr(
        item({
          'wp:status': 'pending',
          'wp:post_date_gmt': '0000-00-00 00:00:00',
          'wp:post_name': '',
          link: 'https://lama.example.com/?p=7',
        }),
      ),
    );
    expect(path).toBe('berita/pasar-ikan-ramai.md');
    expect(data).toMatchObject({ date: '2026-03-02 08:30:00', draft: true });
    expect(data.aliases).toBeUndefined();
  });

  it('gives no alias when the old permalink is where newsgen publishes the article', () => {
    const link = 'https://lama.example.com/ekonomi/pasar-ikan/';
    expect(only(wxr(item({ link }, CATEGORY('category', 'Ekonomi')))).data.aliases).toBeUndefined();
  });

  it('takes the featured image from the attachment, with its alt text', () => {
    const attachment = item(
      { 'wp:post_id': '9', 'wp:post_type': 'attachment', 'wp:status': 'inherit' },
      '<wp:attachment_url>https://cdn.lama.example.com/ikan.jpg</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Ikan di meja</wp:meta_value></wp:postmeta>',
    );
    const post = item(
      {},
      '<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>',
    );
    const result = plan(wxr(attachment, post));
    expect(result.files).toHaveLength(1);
    expect(result.skipped).toEqual({ attachment: 1 });
    expect(result.mediaHosts).toEqual(['cdn.lama.example.com']);
    expect(only(wxr(attachment, post)).data.image).toEqual({
      src: 'https://cdn.lama.example.com/ikan.jpg',
      alt: 'Ikan di meja',
    });
  });

  it('writes a page as a standalone page under pages/, without date or author', () => {
    const { path, data } = only(
      wxr(item({ 'wp:post_type': 'page', 'wp:post_name': 'redaksi', link: 'https://lama.example.com/redaksi/' })),
    );
    expect(path).toBe('pages/redaksi.md');
    expect(data).toEqual({ title: 'Pasar Ikan Ramai' });
  });

  it('skips revisions, menu items and trashed posts, counting them', () => {
    const result = plan(
      wxr(
        item({ 'wp:post_type': 'revision' }),
        item({ 'wp:post_type': 'nav_menu_item' }),
        item({ 'wp:status': 'trash' }),
      ),
    );
    expect(result.files).toEqual([]);
    expect(result.skipped).toEqual({ revision: 1, nav_menu_item: 1, trash: 1 });
  });

  it('numbers a second post with the same slug in one section, with a warning pointing at the first', () => {
    const result = plan(wxr(item(), item({ 'wp:post_id': '8' })));
    expect(result.files.map((file) => file.path)).toEqual(['berita/pasar-ikan.md', 'berita/pasar-ikan-2.md']);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/berita/pasar-ikan-2.md',
        ruleId: 'import-duplicate-slug',
        cause: { file: 'content/berita/pasar-ikan.md' },
      }),
    ]);
  });
});

describe('posts filed under a kind of article', () => {
  const filed = (...terms: [string, string][]) =>
    only(wxr(item({}, terms.map(([domain, name]) => CATEGORY(domain, name)).join(''))));

  it('writes kind: opinion for an "Opini" category, its other category the section and "Opini" a tag', () => {
    const { path, data } = filed(['category', 'OPINI'], ['category', 'Ekonomi'], ['post_tag', 'Pasar']);
    expect(path).toBe('ekonomi/pasar-ikan.md');
    expect(data).toMatchObject({ section: 'Ekonomi', kind: 'opinion', tags: ['OPINI', 'Pasar'] });
    expect(Object.keys(data).slice(0, 6)).toEqual(['title', 'date', 'author', 'section', 'kind', 'tags']);
  });

  it('keeps a kind category as the section when it is the only one', () => {
    const { path, data } = filed(['category', 'Kolom']);
    expect(path).toBe('kolom/pasar-ikan.md');
    expect(data).toMatchObject({ section: 'Kolom', kind: 'opinion' });
    expect(data.tags).toBeUndefined();
  });

  it('reads each well-known word, in categories or tags, in any case', () => {
    const cases: [string, string][] = [
      ['opinion', 'opinion'],
      ['Analisis', 'analysis'],
      ['ulasan', 'review'],
      ['Review', 'review'],
      ['Sponsored', 'sponsored'],
      [' advertorial ', 'sponsored'],
    ];
    for (const [word, kind] of cases) expect(filed(['category', 'Ekonomi'], ['post_tag', word]).data.kind).toBe(kind);
  });

  it('labels paid content as such whatever other kind word the post has', () => {
    expect(filed(['category', 'Opini'], ['post_tag', 'Advertorial']).data.kind).toBe('sponsored');
  });

  it('writes no kind for news, nor for a word that only contains a kind word', () => {
    for (const name of ['Berita', 'Opini Publik', 'Reviewer']) {
      const { data } = filed(['category', name]);
      expect(data.kind, name).toBeUndefined();
      expect(data.section).toBe(name);
    }
  });
});

describe('old permalinks of a site under a path', () => {
  const post = item({ link: 'https://koran.example/berita/2026/03/02/pasar-ikan/' });
  const aliases = (result: ImportPlan) =>
    result.files.map((file) => /aliases:\n {2}- (\S+)/.exec(file.text)?.[1] ?? 'none');

  it('takes the base path off when the site keeps it, and keeps it when the site is at the host root', () => {
    expect(aliases(plan(wxr(post), 'https://koran.example/berita/'))).toEqual(['/2026/03/02/pasar-ikan/']);
    const root = plan(wxr(post), 'https://koran.example/');
    expect(aliases(root)).toEqual(['/berita/2026/03/02/pasar-ikan/']);
    expect(root.outside).toEqual([]);
    expect(root.oldHosts).toEqual([]);
  });

  it('gives no alias for an old permalink outside the site path, and lists it for the summary', () => {
    const result = plan(wxr(post), 'https://koran.example/news/');
    expect(aliases(result)).toEqual(['none']);
    expect(result.outside).toEqual(['/berita/2026/03/02/pasar-ikan/']);
    expect(formatImportSummary(result, 'https://koran.example/news/')).toContain(
      '1 old permalink (/berita/2026/03/02/pasar-ikan/) lies outside /news/',
    );
  });

  it('names another host of the old permalinks in the summary, www. aside', () => {
    expect(plan(wxr(post), 'https://www.koran.example/berita/').oldHosts).toEqual([]);
    const moved = plan(wxr(post), 'https://kabar.example/');
    expect(aliases(moved)).toEqual(['/berita/2026/03/02/pasar-ikan/']);
    expect(moved.oldHosts).toEqual(['koran.example']);
    expect(formatImportSummary(moved, 'https://kabar.example/')).toContain(
      'Old permalinks are on koran.example, not on kabar.example (baseUrl)',
    );
  });
});

describe('nested pages', () => {
  const page = (id: string, name: string, parent: string, link: string) =>
    item(
      { 'wp:post_id': id, 'wp:post_type': 'page', 'wp:post_name': name, link },
      `<wp:post_parent>${parent}</wp:post_parent>`,
    );

  it('writes a child page at its nested path and its parent as the folder index, so both keep their address', () => {
    const result = plan(
      wxr(
        page('41', 'redaksi', '40', 'https://lama.example.com/tentang/redaksi/'),
        page('40', 'tentang', '0', 'https://lama.example.com/tentang/'),
        page('42', 'kontak', '0', 'https://lama.example.com/kontak/'),
      ),
    );
    expect(result.files.map((file) => file.path)).toEqual([
      'pages/tentang/redaksi.md',
      'pages/tentang/index.md',
      'pages/kontak.md',
    ]);
    expect(result.files.map((file) => file.text).join('')).not.toContain('aliases');
  });

  it('numbers a page at a taken path with a warning, its children following it, and puts an orphan at the top', () => {
    const result = plan(
      wxr(
        page('40', 'tentang', '0', 'https://lama.example.com/tentang/'),
        page('50', 'tentang', '0', 'https://lama.example.com/tentang-2/'),
        page('51', 'tim', '50', 'https://lama.example.com/tentang-2/tim/'),
        page('60', 'arsip', '99', 'https://lama.example.com/lama/arsip/'),
      ),
    );
    expect(result.files.map((file) => file.path)).toEqual([
      'pages/tentang.md',
      'pages/tentang-2/index.md',
      'pages/tentang-2/tim.md',
      'pages/arsip.md',
    ]);
    expect(result.files[3]?.text).toContain('- /lama/arsip/');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/pages/tentang-2/index.md',
        ruleId: 'import-duplicate-slug',
        cause: { file: 'content/pages/tentang.md' },
      }),
    ]);
  });
});

describe('pages at addresses the site keeps', () => {
  it("numbers a page at a section's listing or the search page, with a warning and no alias that would collide", () => {
    const page = (id: string, name: string, parent = '0') =>
      item(
        { 'wp:post_id': id, 'wp:post_type': 'page', 'wp:post_name': name, link: `https://lama.example.com/${name}/` },
        `<wp:post_parent>${parent}</wp:post_parent>`,
      );
    const post = item({}, CATEGORY('category', 'Ekonomi'));
    const result = plan(
      wxr(page('1', 'ekonomi'), page('2', 'tim', '1'), page('3', 'search'), page('4', 'berita'), post),
    );
    expect(result.files.map((file) => file.path)).toEqual([
      'pages/ekonomi-2/index.md',
      'pages/ekonomi-2/tim.md',
      'pages/search-2.md',
      'pages/berita-2.md',
      'ekonomi/pasar-ikan.md',
    ]);
    expect(result.files[0]?.text).not.toContain('aliases');
    expect(result.files[1]?.text).toContain('- /tim/');
    expect(result.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['content/pages/ekonomi-2/index.md', 'import-page-url'],
      ['content/pages/search-2.md', 'import-page-url'],
      ['content/pages/berita-2.md', 'import-page-url'],
    ]);
    expect(result.diagnostics[1]?.reason).toContain('/search/, where the site keeps the search page');
    expect(result.diagnostics[1]?.place).toEqual({ line: 2, column: 1 });
  });
});

describe('converting a post body', () => {
  it('turns [caption] into an image titled with its caption, and drops block-editor comments', () => {
    const html =
      '<!-- wp:paragraph --><p>Awal.</p><!-- /wp:paragraph -->\n\n[caption id="a" width="600"]<a href="https://x.example/b.jpg"><img src="https://x.example/b.jpg" alt="Perahu" /></a> Perahu bersandar.[/caption]';
    expect(only(wxr(item({ 'content:encoded': html }))).body).toBe(
      'Awal.\n\n![Perahu](https://x.example/b.jpg "Perahu bersandar.")\n',
    );
  });

  it('makes paragraphs of text separated by blank lines, as wpautop does, and keeps tables', () => {
    const html = 'Satu\nbaris.\n\nDua.\n\n<table><tr><th>A</th></tr><tr><td>1</td></tr></table>';
    expect(only(wxr(item({ 'content:encoded': html }))).body).toBe('Satu\\\nbaris.\n\nDua.\n\n| A |\n| - |\n| 1 |\n');
  });

  it('keeps another shortcode as it was typed, in a code span, warning at each place it is used with what to do', () => {
    const html =
      '<p>Kirim pesan:</p>\n\n[contact-form-7 id="1"]\n\n[su_button url="https://x.example/?a=1&amp;b=2" target="_blank"]Daftar[/su_button] lalu [contact-form-7 id="2"]';
    const result = plan(wxr(item({ 'content:encoded': html })));
    const text = result.files[0]?.text ?? '';
    expect(text).toContain(
      '\n`[contact-form-7 id="1"]`\n\n`[su_button url="https://x.example/?a=1&b=2" target="_blank"]`Daftar`[/su_button]` lalu `[contact-form-7 id="2"]`\n',
    );
    const lines = text.split('\n');
    const line = (needle: string) => lines.findIndex((each) => each.includes(needle)) + 1;
    expect(result.diagnostics.map((d) => [d.ruleId, d.place, /\[[\w-]+\]/.exec(d.reason)?.[0]])).toEqual([
      ['import-shortcode', { line: line('id="1"'), column: 1 }, '[contact-form-7]'],
      ['import-shortcode', { line: line('su_button'), column: 1 }, '[su_button]'],
      [
        'import-shortcode',
        { line: line('id="2"'), column: (lines[line('id="2"') - 1]?.indexOf('`[contact') ?? -2) + 1 },
        '[contact-form-7]',
      ],
    ]);
    expect(result.diagnostics[0]?.hint).toContain('Replace it by hand');
  });

  it('leaves an editorial [sic] or [red] in a quote as text, without a warning', () => {
    const html = '<p>"Kami sudah siap [sic] menghadapi banjir," kata dia [red], lalu [toc].</p>';
    const result = plan(wxr(item({ 'content:encoded': html })));
    expect(result.files[0]?.text).toContain(
      '"Kami sudah siap \\[sic] menghadapi banjir," kata dia \\[red], lalu `[toc]`.',
    );
    expect(result.diagnostics.map((d) => d.reason)).toEqual([expect.stringContaining('[toc]')]);
  });

  it('keeps the text of a caption without an image and drops stray closing captions, without warnings', () => {
    const html = '[caption id="a" width="300"]Hanya teks[/caption]\n\nTeks [/caption] sisa, <code>[kode]</code>.';
    const result = plan(wxr(item({ 'content:encoded': html })));
    expect(only(wxr(item({ 'content:encoded': html }))).body).toBe('Hanya teks\n\nTeks sisa, `[kode]`.\n');
    expect(result.diagnostics).toEqual([]);
  });
});

describe('converting embeds and galleries', () => {
  const body = (html: string, ...extra: string[]) => only(wxr(...extra, item({ 'content:encoded': html }))).body;

  it('turns YouTube and Vimeo embeds of each WordPress form into directives, titled by the caption or the post', () => {
    const block =
      '<!-- wp:embed {"url":"https://youtu.be/pH7sNw4cJ0e","providerNameSlug":"youtube"} --><figure class="wp-block-embed is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/pH7sNw4cJ0e\n</div><figcaption class="wp-element-caption">Uji <em>bus</em> listrik</figcaption></figure><!-- /wp:embed -->';
    expect(body(block)).toBe('::youtube[Uji bus listrik]{id=pH7sNw4cJ0e}\n');
    expect(body('Lihat:\n\n[embed]https://vimeo.com/76979871[/embed]')).toBe(
      'Lihat:\n\n::vimeo[Pasar Ikan Ramai]{id=76979871}\n',
    );
    const bare = ['watch?feature=share&amp;v=pH7sNw4cJ0e', 'embed/pH7sNw4cJ0e', 'shorts/pH7sNw4cJ0e']
      .map((path) => `<p>https://www.youtube.com/${path}</p>`)
      .join('\n\n');
    expect(body(bare)).toBe(`${Array(3).fill('::youtube[Pasar Ikan Ramai]{id=pH7sNw4cJ0e}').join('\n\n')}\n`);
    expect(body('[youtube https://www.youtube.com/watch?v=pH7sNw4cJ0e&amp;w=640]\n\n[vimeo 76979871 w=400]')).toBe(
      '::youtube[Pasar Ikan Ramai]{id=pH7sNw4cJ0e}\n\n::vimeo[Pasar Ikan Ramai]{id=76979871}\n',
    );
  });

  it('keeps an embed of another provider as a link to it, without a warning', () => {
    const result = plan(wxr(item({ 'content:encoded': '[embed]https://open.spotify.com/episode/7x[/embed]' })));
    expect(result.files[0]?.text).toContain('<https://open.spotify.com/episode/7x>');
    expect(result.diagnostics).toEqual([]);
  });

  const photo = (id: string, url: string, alt: string, caption: string) =>
    item(
      { 'wp:post_id': id, 'wp:post_type': 'attachment', 'wp:status': 'inherit', 'excerpt:encoded': caption },
      `<wp:attachment_url>${url}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${alt}</wp:meta_value></wp:postmeta>`,
    );
  const photos = [
    photo('30', 'https://m.example/a.jpg', 'Jaring', 'Jaring "baru"'),
    photo('31', 'https://m.example/b.jpg', 'Perahu', ''),
  ];

  it('turns [gallery ids] into :::gallery with the attachments in order, warning at it about an id not in the export', () => {
    const result = plan(wxr(...photos, item({ 'content:encoded': 'Foto:\n\n[gallery columns="2" ids="31,99,30"]' })));
    expect(result.files[0]?.text).toContain(
      ':::gallery\n![Perahu](https://m.example/b.jpg)\n![Jaring](https://m.example/a.jpg "Jaring \\"baru\\"")\n:::\n',
    );
    const line = result.files[0]?.text.split('\n').indexOf(':::gallery') ?? -2;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'import-gallery-image',
        severity: 'warning',
        place: { line: line + 1, column: 1 },
      }),
    ]);
    expect(result.diagnostics[0]?.reason).toContain('99');
  });

  it('turns a block-editor gallery into :::gallery, with its caption as the label', () => {
    const html =
      '<!-- wp:gallery {"linkTo":"none"} --><figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":30} --><figure class="wp-block-image"><img src="https://m.example/a-1024.jpg" alt="" class="wp-image-30"/></figure><!-- /wp:image --><figure class="wp-block-image"><img src="https://m.example/c.jpg" alt="Dermaga" class="wp-image-77"/><figcaption class="wp-element-caption">Pagi</figcaption></figure><figcaption class="blocks-gallery-caption">Pelabuhan lama</figcaption></figure><!-- /wp:gallery -->';
    expect(body(html, ...photos)).toBe(
      ':::gallery[Pelabuhan lama]\n![Jaring](https://m.example/a.jpg "Jaring \\"baru\\"")\n![Dermaga](https://m.example/c.jpg "Pagi")\n:::\n',
    );
  });
});

describe('reading the export', () => {
  it('names the line and column of malformed XML', () => {
    const error = catchNewsgenError(() => parseXml('<rss>\n  <channel>\n</rss>', 'ekspor.xml'));
    expect(error).toMatchObject({ code: 'import-xml', file: 'ekspor.xml', place: { line: 3 } });
  });

  it('says when XML is not a WordPress export', () => {
    const error = catchNewsgenError(() => readWxr(parseXml('<urlset><url/></urlset>', 's.xml'), 's.xml'));
    expect(error).toMatchObject({ code: 'import-not-wxr', file: 's.xml' });
  });
});
