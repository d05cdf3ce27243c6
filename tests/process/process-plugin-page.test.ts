import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import type { PluginPageSource } from '../../src/plugins/run-pages-hook.js';
import { processPluginPage } from '../../src/process/process-plugin-page.js';

const processor = createMarkdownProcessor();
const options = { timeZone: 'Asia/Jakarta' };

function spec(fields: Record<string, unknown>, markdown = 'Isi.'): PluginPageSource {
  return { plugin: 'pilkada', url: '/pilkada/index/', fields: { title: 'Hasil', ...fields }, markdown };
}

describe('processPluginPage', () => {
  it('makes a page at the plugin’s URL (an index segment included), named by the plugin, its body sanitized', () => {
    const { result, html } = processPluginPage(
      spec({ summary: 'Suara', menu: 'footer', params: { a: 1 } }, 'Halo <img src=/x.png onerror=alert(1)>'),
      options,
      processor,
    );
    expect(result).toMatchObject({
      kind: 'page',
      page: {
        url: '/pilkada/index/',
        key: 'pilkada/index',
        sourcePath: 'plugin "pilkada" /pilkada/index/',
        plugin: 'pilkada',
        title: 'Hasil',
        summary: 'Suara',
        layout: 'page',
        menus: ['footer'],
        params: { a: 1 },
      },
    });
    expect(html).toContain('Halo');
    expect(html).not.toContain('onerror');
  });

  it('reports a field’s problem without a line, and the body’s at its line of the Markdown', () => {
    const fields = processPluginPage(spec({ layout: 'a/b', updated: 'kemarin' }), options, processor).result;
    expect(fields.kind === 'failed' && fields.diagnostics).toEqual([
      expect.objectContaining({ file: 'plugin "pilkada" /pilkada/index/', ruleId: 'front-matter-updated' }),
      expect.objectContaining({ file: 'plugin "pilkada" /pilkada/index/', ruleId: 'front-matter-layout' }),
    ]);
    expect(fields.kind === 'failed' && fields.diagnostics.map((each) => each.place)).toEqual([undefined, undefined]);
    const body = processPluginPage(spec({}, 'Isi.\n\n::tidak-ada\n'), options, processor).result;
    expect(body.kind === 'failed' && body.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'embed-unknown', place: { line: 3, column: 1 } }),
    ]);
  });

  it('gives its lead and body images to the image stage, and a relative one is an error: the page has no folder', () => {
    const image = { src: '/images/peta.png', alt: 'Peta' };
    const { result } = processPluginPage(
      spec(
        { image, aliases: ['/lama/'], draft: true },
        'Isi.\n\n![Peta](/images/b.png) ![x](https://cdn.example/c.png)',
      ),
      options,
      processor,
    );
    expect(result).toMatchObject({
      kind: 'page',
      page: { image: { src: '/images/peta.png', alt: 'Peta' }, aliases: [{ path: '/lama/' }], draft: true },
      images: [
        { src: '/images/b.png', place: { line: 3, column: 1 } },
        { src: 'https://cdn.example/c.png', place: { line: 3, column: 24 } },
      ],
    });
    const relative = processPluginPage(
      spec({ image: { src: 'peta.png', alt: 'Peta' } }, 'Isi.\n\n![Dekat](./a/dekat.png)'),
      options,
      processor,
    );
    expect(relative.result.kind === 'failed' && relative.result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'plugin "pilkada" /pilkada/index/',
        ruleId: 'image-outside',
        reason:
          'Unexpected relative image path "peta.png" in `image`, expected a path from the site\'s root such as /peta.png (for static/peta.png) or a URL: a plugin\'s page has no folder for the image to be in',
      }),
      expect.objectContaining({
        ruleId: 'image-outside',
        place: { line: 3, column: 1 },
        reason: expect.stringContaining('"./a/dekat.png", expected a path from the site\'s root such as /a/dekat.png'),
      }),
    ]);
  });
});
