import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** SVG as the browser reads it when the file is opened by its own URL (parsed as HTML in SVG space, scripts off). */
const svgParser = unified().use(rehypeParse, { fragment: true, space: 'svg' }).freeze();

/**
 * What in an SVG file can run script when the file is opened by its own URL
 * on the site's domain (where `<img>` would run none): a `<script>` element,
 * a `<foreignObject>` (HTML inside, with its own scripts and handlers), an
 * event-handler attribute (`onload=`), or a `javascript:` link; undefined
 * when there is none. The first found, described for a message.
 */
export function findSvgScript(svg: string): string | undefined {
  const tree = svgParser.parse(svg) as Root;
  let found: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (found !== undefined) return false;
    const name = node.tagName.toLowerCase();
    if (name === 'script' || name === 'foreignobject') {
      found = `a <${node.tagName}> element`;
      return false;
    }
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on[a-z]/i.test(key)) found = `an ${key.toLowerCase()} attribute`;
      // Links, and the values an animation gives them (`<set attributeName="href" to="javascript:…">`).
      else if ([value].flat().some(isScriptUrl)) found = 'a javascript: link';
      if (found !== undefined) return false;
    }
    return undefined;
  });
  return found;
}

/** A URL browsers run as script: `javascript:` once blanks and control characters are taken out, in any case. */
function isScriptUrl(value: unknown): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip exactly these from URLs
  return typeof value === 'string' && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}
