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
  return mayHoldScript(svg) ? findParsedSvgScript(svg) : undefined;
}

/** {@link findSvgScript}, always parsing: what {@link mayHoldScript} must never rule out. */
export function findParsedSvgScript(svg: string): string | undefined {
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

/** See {@link mayHoldScript}: `[\0-\x20]` are the characters browsers strip from URLs. */
const MAY_HOLD_SCRIPT = /s[\0-\x20]*c[\0-\x20]*r[\0-\x20]*i[\0-\x20]*p[\0-\x20]*t|foreignobject|&|[\s"'/]on[a-z]/i;

/**
 * Whether `svg` may hold anything {@link findSvgScript} looks for, told from
 * its text without parsing it (a 36 KB chart's parse took 6.5 ms; this, 45 µs):
 * false only when it cannot. Element names are never escaped, so `<script>`
 * and `<foreignObject>` stand in the text as such; a `javascript:` value has
 * `script` in it with at most blanks and control characters between the
 * letters (a browser strips those), unless a character reference spells it
 * (`&#115;`), hence any `&` counts; an attribute's name starts after a blank,
 * a `/` or the quote that ends the value before it, so an event handler's
 * `on` follows one of those.
 */
export function mayHoldScript(svg: string): boolean {
  return MAY_HOLD_SCRIPT.test(svg);
}

/** A URL browsers run as script: `javascript:` once blanks and control characters are taken out, in any case. */
function isScriptUrl(value: unknown): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip exactly these from URLs
  return typeof value === 'string' && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}
