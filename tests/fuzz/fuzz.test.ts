import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { MARKDOWN_BRACKETS } from '../../src/markdown/bracket-limit.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { HTML_NESTING, MARKDOWN_NESTING } from '../../src/markdown/nesting-limit.js';
import { HTML_SWALLOW } from '../../src/markdown/remark-guard-raw-html.js';
import { resolveRequestPath } from '../../src/server/resolve-request-path.js';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { parseConfigText } from '../helpers/parse-config-text.js';
import { frontMatterValue, markdownBody, pastedText } from './arbitraries.js';
import { fuzzBudget, fuzzTimeout } from './budget.js';
import { findActiveContent, findXmlErrors } from './check-output.js';

const MARKER = 'Kalimat penanda di akhir artikel.';
const REFUSALS = [HTML_SWALLOW, MARKDOWN_NESTING, HTML_NESTING, MARKDOWN_BRACKETS];

/** A path an author might write where the site takes one, quoted for YAML: plain, climbing out, absolute, odd. */
const pathValue = fc
  .constantFrom(
    '/lama/banjir/',
    '../../luar',
    '/../../etc/passwd',
    '..',
    '.',
    '/',
    '//evil.example/x',
    'https://warta.example/lama/',
    'C:\\Windows',
    '/a/%2e%2e/b/',
    '/berita?x=1#y',
    'a/../../b',
    '/ekonomi/',
    'index.html',
    '/sitemap.xml',
    '\u0000',
  )
  .map((text) => JSON.stringify(text));

/** Pasted text as a quoted YAML string. */
const quotedText = pastedText.map((text) => JSON.stringify(text));

/** Mostly `typed` (or `others`), one time in four any front matter value. */
function orAnything(typed: fc.Arbitrary<string>, ...others: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: typed, weight: 3 }, ...others.map((arbitrary) => ({ arbitrary, weight: 3 })), {
    arbitrary: frontMatterValue,
    weight: 1,
  });
}

function yamlList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

/** An output path that stays in the output folder: relative, normalised, no `..`, no backslash or NUL. */
function isInsideOutput(file: string): boolean {
  return (
    file !== '' &&
    !path.isAbsolute(file) &&
    path.posix.normalize(file) === file &&
    !file.split('/').includes('..') &&
    !/[\\\0]/.test(file)
  );
}

/** Fails the property for anything thrown that is not newsgen telling the user about their input. */
function expectUserError(error: unknown, codes?: readonly string[]): void {
  if (!isNewsgenError(error)) throw error;
  if (codes && !codes.includes(error.code)) throw error;
}

describe('fuzzing (issue 25)', { timeout: fuzzTimeout(60_000) }, () => {
  it('Markdown with raw HTML and components: no crash, no event handler or script URL, and the text after them stays', () => {
    const processor = createMarkdownProcessor();
    fc.assert(
      fc.property(markdownBody, (body) => {
        let rendered: ReturnType<typeof processor.render>;
        try {
          rendered = processor.render(`${body}\n\n${MARKER}\n`);
        } catch (error) {
          expectUserError(error, REFUSALS);
          return;
        }
        const { html, messages } = rendered;
        // A component written wrong stops the build at its line (an open container holds the rest of the body).
        if (messages.length === 0) expect(html).toContain(MARKER);
        expect(findActiveContent(html)).toEqual([]);
      }),
      fuzzBudget(150),
    );
  });

  it('front matter values: a clean error or a site whose files stay in the output folder and whose feeds and sitemaps are well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Each field mostly of the right type with hostile text in it, sometimes anything at all: with every
        // field anything, almost no article builds, and the built site's files go unchecked.
        fc.record(
          {
            title: orAnything(quotedText),
            tags: orAnything(fc.array(quotedText, { maxLength: 3 }).map(yamlList)),
            author: orAnything(quotedText),
            id: orAnything(fc.stringMatching(/^[a-z0-9_-]{1,12}$/)),
            slug: orAnything(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8})?$/), pathValue),
            aliases: orAnything(fc.array(pathValue, { maxLength: 2 }).map(yamlList), pathValue),
          },
          { requiredKeys: ['title'] },
        ),
        markdownBody,
        async (fields, body) => {
          const front = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
          const text = `---\n${front.join('\n')}\ndate: 2026-11-26 10:00\n---\n\n${body}\n\n${MARKER}\n`;
          let site: Awaited<ReturnType<typeof buildInMemory>>;
          try {
            site = await buildInMemory(
              { 'ekonomi/uji.md': text, 'ekonomi/tetap.md': '---\ntitle: Tetap\ndate: 2026-11-25\n---\n\nIsi.\n' },
              { title: 'Warta', baseUrl: 'https://warta.example/', feeds: { tags: true, authors: true } },
              { now: '2026-11-27T00:00:00+07:00' },
            );
          } catch (error) {
            expectUserError(error);
            return;
          }
          for (const file of site.files.keys()) expect(isInsideOutput(file), file).toBe(true);
          const xml = new Map([...site.files].filter(([file]) => file.endsWith('.xml')));
          expect(await findXmlErrors(xml)).toBeUndefined();
          const page = [...site.files].find(
            ([file]) => file.startsWith('ekonomi/') && file !== 'ekonomi/index.html' && !file.includes('tetap'),
          );
          if (page) expect(page[1]).toContain(MARKER);
          // Every page shows the article's fields somewhere: its own, listings, term pages, redirect pages.
          for (const [file, text] of site.files) {
            if (file.endsWith('.html')) expect(findActiveContent(text), file).toEqual([]);
            if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
            for (const [, data] of text.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs))
              expect(() => JSON.parse(data ?? ''), file).not.toThrow();
          }
        },
      ),
      fuzzBudget(6),
    );
  });

  it('config values: a clean error or a resolved config, never a crash', async () => {
    const value = fc.oneof(
      pastedText,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(pastedText, { maxLength: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            title: value,
            baseUrl: fc.oneof(
              value,
              fc.constantFrom('https://x.example/berita-ñ/', 'javascript:alert(1)', 'http://[::1]/', '//x'),
            ),
            locale: fc.oneof(value, fc.constantFrom('id-ID', 'xx-XX', '')),
            timeZone: fc.oneof(value, fc.constantFrom('Asia/Jakarta', 'Mars/Olympus')),
            perPage: value,
            permalink: fc.oneof(value, fc.constantFrom('/:section/:slug/', '/../:slug/', ':id')),
            sections: fc.oneof(
              value,
              fc.array(fc.oneof(pastedText, fc.record({ slug: value, name: value })), { maxLength: 3 }),
            ),
            feeds: fc.oneof(value, fc.record({ limit: value, content: value, tags: value })),
            publisher: fc.oneof(value, fc.record({ name: value, logo: value, color: value }, { requiredKeys: [] })),
            related: fc.oneof(
              value,
              fc.record({ count: value, weights: fc.oneof(value, fc.record({ tag: value, halfLifeDays: value })) }),
            ),
            otherNews: value,
            images: fc.oneof(
              value,
              fc.record(
                { widths: value, formats: value, webp: fc.oneof(value, fc.record({ quality: value })), sizes: value },
                { requiredKeys: [] },
              ),
            ),
            menus: fc.oneof(
              value,
              fc.record({ main: fc.oneof(value, fc.array(fc.record({ name: value, url: value }), { maxLength: 2 })) }),
            ),
            redirects: fc.oneof(
              value,
              fc.array(fc.oneof(value, fc.record({ from: value, to: value, status: value })), { maxLength: 2 }),
            ),
            strict: value,
            now: value,
            out: fc.oneof(value, fc.constantFrom('../luar', '/', '', 'content')),
            sanitize: fc.oneof(value, fc.record({ elements: value, attributes: value, classes: value })),
          },
          { requiredKeys: [] },
        ),
        async (config) => {
          try {
            await resolveConfig(
              '/nonexistent/site',
              parseConfigText(JSON.stringify(config), 'newsgen.config.json', undefined),
              {},
              new Date(0),
            );
          } catch (error) {
            expectUserError(error);
          }
        },
      ),
      fuzzBudget(200),
    );
  });

  describe('server request paths', () => {
    let folder = '';
    let root = '';
    beforeAll(() => {
      folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-fuzz-serve-')));
      root = path.join(folder, 'dist');
      fs.mkdirSync(path.join(root, 'berita'), { recursive: true });
      fs.writeFileSync(path.join(root, 'index.html'), 'beranda');
      fs.writeFileSync(path.join(root, 'berita', 'index.html'), 'berita');
      fs.writeFileSync(path.join(folder, 'rahasia.txt'), 'secret');
      fs.symlinkSync(path.join(folder, 'rahasia.txt'), path.join(root, 'tautan.txt'));
    });
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('never resolve to anything outside the output folder, and never throw', async () => {
      const segment = fc.oneof(
        fc.constantFrom(
          '..',
          '.',
          '%2e%2e',
          '%2E%2e',
          '..%2f',
          '%2f',
          '%5c',
          '\\',
          '%00',
          '%',
          '%zz',
          'berita',
          'rahasia.txt',
          'tautan.txt',
          '',
          '%252e%252e',
          '日本',
          '?x',
          '#y',
        ),
        fc.string({ maxLength: 4 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { maxLength: 6 }), fc.boolean(), async (segments, slash) => {
          const target = `/${segments.join('/')}${slash ? '/' : ''}`;
          const resolved = await resolveRequestPath(root, target);
          if (resolved.kind === 'file') {
            expect(resolved.file.startsWith(`${root}${path.sep}`)).toBe(true);
            expect(fs.readFileSync(resolved.file, 'utf8')).not.toBe('secret');
          }
          if (resolved.kind === 'folder') expect(resolved.location.startsWith('//')).toBe(false);
        }),
        fuzzBudget(300),
      );
    });
  });
});
