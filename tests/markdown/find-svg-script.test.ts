import { describe, expect, it } from 'vitest';
import { findSvgScript } from '../../src/markdown/find-svg-script.js';

describe('findSvgScript', () => {
  it('finds nothing in a plain drawing, with its XML prolog and doctype', () => {
    const logo =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' +
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">' +
      '<style>.a{fill:red}</style><a xlink:href="https://warta.example/"><circle class="a" r="4"/></a><text>on air</text></svg>';
    expect(findSvgScript(logo)).toBeUndefined();
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', 'a <script> element'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT href="x.js"/></svg>', 'a <script> element'],
    ['<svg><foreignObject><div>x</div></foreignObject></svg>', 'a <foreignObject> element'],
    ['<svg onload="alert(1)"><rect/></svg>', 'an onload attribute'],
    ['<svg><g><animate onbegin="alert(1)"/></g></svg>', 'an onbegin attribute'],
    ['<svg><a href=" java\tscript:alert(1)"><text>x</text></a></svg>', 'a javascript: link'],
    ['<svg><a xlink:href="JavaScript:alert(1)"><text>x</text></a></svg>', 'a javascript: link'],
    ['<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>', 'a javascript: link'],
  ])('finds what can run script in %s', (svg, found) => {
    expect(findSvgScript(svg)).toBe(found);
  });
});
