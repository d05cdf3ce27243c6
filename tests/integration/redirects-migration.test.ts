import { describe, expect, it } from 'vitest';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

// A newsroom moving an old WordPress or Hugo site: old addresses written as exports write them.
const SITE = {
  title: 'Daily Courier',
  locale: 'en',
  timeZone: 'America/Chicago',
  baseUrl: 'https://courier.example/',
  sections: [{ slug: 'news', name: 'News' }],
};

function story(fields: Record<string, string>): string {
  const all: Record<string, string> = { title: 'Council approves budget', date: '2016-09-09 10:46', ...fields };
  const lines = Object.entries(all).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\nThe council approved the budget.\n`;
}

async function buildError(
  content: Record<string, string>,
  config: Record<string, unknown> = SITE,
): Promise<NewsgenError> {
  try {
    await buildInMemory(content, config);
  } catch (error) {
    if (isNewsgenError(error)) return error as NewsgenError;
    throw error;
  }
  throw new Error('Expected the build to fail');
}

describe('redirects of a migrated site', () => {
  it('reads an alias written as a full URL of the configured site when --base-url or serve previews it elsewhere', async () => {
    const content = {
      'news/council-approves-budget.md': story({ aliases: '["https://courier.example/archives/123"]' }),
    };
    // serve builds with its own address as baseUrl; a staging build passes --base-url.
    const preview = await buildInMemory(content, SITE, { baseUrl: 'http://127.0.0.1:4000/' });
    expect(preview.file('_redirects')).toContain('/archives/123 /news/council-approves-budget/ 301');
    expect(preview.file('archives/123/index.html')).toContain('http://127.0.0.1:4000/news/council-approves-budget/');
    const staging = await buildInMemory(content, SITE, { baseUrl: 'https://staging.example/courier/' });
    expect(staging.file('_redirects')).toContain('/courier/archives/123 /courier/news/council-approves-budget/ 301');

    const elsewhere = await buildError({
      'news/a.md': story({ aliases: '["https://other.example/archives/123"]' }),
    });
    expect(elsewhere.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([['alias-outside', 4]]);
  });

  it('refuses a redirect to a URL with a blank or a line break at its key, which would break the line of _redirects', async () => {
    const error = await buildError(
      { 'news/a.md': story({}) },
      {
        ...SITE,
        redirects: [
          { from: '/shop/', to: 'https://shop.example/a b/' },
          { from: '/subscribe/', to: 'https://shop.example/x\n/evil/ https://evil.example/' },
          { from: '/store/', to: 'https://shop.example/?src=site&ref=%22courier%22' },
        ],
      },
    );
    expect(error.diagnostics.map((d) => [d.ruleId, d.place?.line, d.reason])).toEqual([
      [
        'config-invalid',
        15,
        'Unexpected to "https://shop.example/a b/", expected an http(s) URL without blanks or control characters (a space written %20) (key `redirects.0.to`)',
      ],
      [
        'url-invisible-character',
        19,
        expect.stringContaining('Unexpected \\u000A (LINE FEED) in to "https://shop.example/x\\u000A/evil/'),
      ],
    ]);
  });

  it("leaves out with a warning an alias that is its page's own address, which a Hugo or WordPress export often lists", async () => {
    const site = await buildInMemory(
      {
        'news/council-approves-budget.md': story({
          aliases:
            '[/news/council-approves-budget/, /news/council-approves-budget, /2016/09/09/council-approves-budget/]',
        }),
        'pages/contact.md':
          '---\ntitle: Contact\naliases: [/contact-us.html, /contact/index.html]\n---\n\nWrite to us.\n',
      },
      { ...SITE, redirects: [{ from: '/contact/', to: '/contact/' }] },
    );
    expect(site.file('_redirects').split('\n').slice(1, -1)).toEqual([
      '/2016/09/09/council-approves-budget/ /news/council-approves-budget/ 301',
      '/contact-us.html /contact/ 301',
    ]);
    expect(site.file('news/council-approves-budget/index.html')).toContain('<h1');
    expect(site.file('contact/index.html')).not.toContain('http-equiv="refresh"');
    expect(
      site.generated.warnings
        .filter((d) => d.ruleId === 'alias-own-address')
        .map((d) => [d.file, d.place?.line, d.reason]),
    ).toEqual([
      [
        'content/news/council-approves-budget.md',
        4,
        'Unexpected alias "/news/council-approves-budget/" at /news/council-approves-budget/, the page\'s own address: it redirects nowhere and is left out',
      ],
      [
        'content/news/council-approves-budget.md',
        4,
        expect.stringContaining('alias "/news/council-approves-budget" at'),
      ],
      ['content/pages/contact.md', 3, expect.stringContaining('alias "/contact/index.html" at /contact/,')],
      ['newsgen.config.json', 14, expect.stringContaining('redirect `redirects.0.from` at /contact/,')],
    ]);

    const other = await buildError({
      'news/a.md': story({ aliases: '[/contact/]' }),
      'pages/contact.md': '---\ntitle: Contact\n---\n\nWrite to us.\n',
    });
    expect(other.diagnostics.map((d) => [d.ruleId, d.cause?.file])).toEqual([
      ['alias-collision', 'content/pages/contact.md'],
    ]);
  });

  it('writes no redirect page where a page or another redirect page has the file but for letter case, which macOS and Windows disks hold as one', async () => {
    const site = await buildInMemory(
      {
        'news/cafe-opens.md': story({ title: 'Café opens', aliases: '[/News/Cafe-Opens/, /2017/Cafe/, /2017/cafe/]' }),
      },
      { ...SITE, nginxRedirects: true },
    );
    expect(site.file('_redirects')).toContain('/News/Cafe-Opens/ /news/cafe-opens/ 301');
    expect(site.file('redirects.nginx.conf')).toContain('"~^/News/Cafe-Opens/?$" "/news/cafe-opens/";');
    const written = [...site.files.keys()].filter((file) => /cafe/i.test(file));
    expect(written).toEqual(['news/cafe-opens/index.html', '2017/Cafe/index.html']);
    expect(site.file('news/cafe-opens/index.html')).not.toContain('http-equiv="refresh"');
  });
});
