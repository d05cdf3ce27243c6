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
      spec({ summary: 'Suara', menu: 'footer', params: { a: 1 } }, 'Halo <img src=x onerror=alert(1)>'),
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
});
