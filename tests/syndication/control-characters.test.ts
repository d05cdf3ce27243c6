import { describe, expect, it } from 'vitest';
import { articleSource, type BuiltSite, buildInMemory } from './build-in-memory.js';
import { findXmlError } from './well-formed.js';

const CONFIG = { title: 'Warta', baseUrl: 'https://warta.example/', timeZone: 'Asia/Jakarta', feeds: { tags: true } };

describe('control characters pasted into an article (issue 25)', { timeout: 30_000 }, () => {
  it('never reach a feed or sitemap: every XML output stays well-formed, and the file gets warnings', async () => {
    const site = await buildInMemory(
      CONFIG,
      {
        'ekonomi/tempel.md': articleSource(
          { title: 'Harga\u0007 cabai', date: '2026-11-26 10:00', tags: '[Pasar\u000b Induk]', author: 'Rina\u0008' },
          'Paragraf dari Word\u000bdengan baris lunak\u000c.\n',
        ),
      },
      { inline: { now: '2026-11-27T00:00:00+07:00' } },
    );
    const xmlFiles = [...site.files.keys()].filter((file) => file.endsWith('.xml'));
    expect(xmlFiles).toEqual(
      expect.arrayContaining(['feed.xml', 'atom.xml', 'sitemap-news-1.xml', 'tag/pasar-induk/feed.xml']),
    );
    for (const file of xmlFiles)
      expect(await findXmlError(file.replaceAll('/', '-'), site.file(file)), file).toBeUndefined();
    expect(site.file('feed.xml')).toContain('<title>Harga  cabai</title>');
    expect(controlWarnings(site).map((warning) => warning.place)).toEqual([
      { line: 2, column: 13 },
      { line: 4, column: 13 },
      { line: 5, column: 13 },
      { line: 8, column: 19 },
      { line: 8, column: 38 },
    ]);
  });

  it('never reach XML from a YAML escape either: "\\u0007" in a title is cleaned at its key (found by fuzzing)', async () => {
    const site = await buildInMemory(
      CONFIG,
      {
        'ekonomi/lolos.md': articleSource({
          title: '"Harga\\u0007 naik"',
          date: '2026-11-26 10:00',
          tags: '["0\\u000b"]',
        }),
      },
      { inline: { now: '2026-11-27T00:00:00+07:00' } },
    );
    for (const file of ['feed.xml', 'atom.xml', 'sitemap-news-1.xml'])
      expect(await findXmlError(file, site.file(file)), file).toBeUndefined();
    expect(controlWarnings(site).map((warning) => [warning.place, warning.reason.slice(0, 45)])).toEqual([
      [{ line: 2, column: 8 }, 'Unexpected control character in `title`, repl'],
      [{ line: 4, column: 8 }, 'Unexpected control character in `tags.0`, rep'],
    ]);
  });
});

function controlWarnings(site: BuiltSite) {
  return site.generated.warnings.filter((warning) => warning.ruleId === 'control-character');
}
