import { describe, expect, test } from 'vitest';
import { findSwallowingHtml } from '../../src/markdown/find-swallowing-html.js';

describe('findSwallowingHtml', () => {
  test('names the element or comment that would take in what follows', () => {
    expect(findSwallowingHtml('<form action="/x">', 'block')).toEqual({ name: 'form' });
    expect(findSwallowingHtml('<div><select name="a">', 'block')).toEqual({ name: 'select' });
    expect(findSwallowingHtml('<template><p>', 'inline')).toEqual({ name: 'template' });
    expect(findSwallowingHtml('<!-- catatan', 'block')).toEqual({ name: '!--' });
    expect(findSwallowingHtml('<TEXTAREA>', 'inline')).toEqual({ name: 'textarea' });
  });

  test('finds nothing for HTML that is closed or that keeps its content', () => {
    for (const html of [
      '<b>',
      '</form>',
      '<a href="/x">',
      '<div><form></div>',
      '<form></form>',
      '<!-- a -->',
      '<table>',
    ])
      expect(findSwallowingHtml(html, 'block'), html).toBeUndefined();
  });

  test('a marker written into the HTML itself cannot hide a swallowing element', () => {
    expect(findSwallowingHtml('<textarea>newsgen-marker', 'inline')).toEqual({ name: 'textarea' });
  });
});
