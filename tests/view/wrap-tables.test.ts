import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { wrapTables } from '../../src/view/wrap-tables.js';

const label = (number: number) => `Tabel ${number}`;
const region = (number: number) => `<div class="table-scroll" role="region" tabindex="0" aria-label="Tabel ${number}">`;

describe('wrapTables', () => {
  it('wraps each table of a body in a focusable, labelled scroll region, numbered in order', () => {
    const html = '<p>a</p>\n<table><tr><td>1</td></tr></table>\n<p>b</p>\n<table class="x"><tr><td>2</td></tr></table>';
    expect(wrapTables(html, label)).toBe(
      `<p>a</p>\n${region(1)}<table><tr><td>1</td></tr></table></div>\n<p>b</p>\n${region(2)}<table class="x"><tr><td>2</td></tr></table></div>`,
    );
  });

  it('wraps only the outermost of nested tables, and reads past table tags inside attribute values and comments', () => {
    const html =
      '<table title="<table>"><tr><td><table><tr><td>in</td></tr></table></td></tr></table><!-- <table> --><p title="</table>">x</p>';
    expect(wrapTables(html, label)).toBe(
      `${region(1)}<table title="<table>"><tr><td><table><tr><td>in</td></tr></table></td></tr></table></div><!-- <table> --><p title="</table>">x</p>`,
    );
  });

  it('escapes the label and leaves HTML without a table as it is', () => {
    expect(wrapTables('<table></table>', () => 'A "b" & <c>')).toContain('aria-label="A &quot;b&quot; &amp; &lt;c>"');
    const text = '<p>&lt;table&gt; is text</p>';
    expect(wrapTables(text, label)).toBe(text);
  });

  it('is needed after the sanitizer, which keeps no role, label or theme class an author writes to forge a region', () => {
    const forged =
      '<div class="table-scroll" role="region" aria-label="x">\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n</div>\n';
    const { html } = createMarkdownProcessor().render(forged, {});
    expect(html).not.toMatch(/role=|aria-label=|table-scroll/);
    expect(wrapTables(html, label).match(/role="region"/g)).toHaveLength(1);
  });
});
