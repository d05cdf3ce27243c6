import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Schemes that run script or carry a document of their own, wherever a URL is taken. */
const SCRIPT_SCHEMES: readonly string[] = ['javascript:', 'vbscript:', 'data:'];

/**
 * The last word on attributes, after the sanitizer, in pipelines whose
 * schema plugins widened: removes every event-handler property (`on*`) and
 * every attribute whose value (or any value of a list) is a `javascript:`,
 * `vbscript:` or `data:` URL, read as browsers read URLs (tabs and line breaks
 * anywhere ignored, leading spaces and control characters too, any case).
 * The base schema already refuses both; this keeps it so whatever elements
 * and attributes a plugin's `sanitize` allows.
 */
export function rehypeStripScriptUrls() {
  return function stripScriptUrls(tree: Root): undefined {
    visit(tree, 'element', (node: Element) => {
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key) || (Array.isArray(value) ? value.some(isScriptUrl) : isScriptUrl(value)))
          delete node.properties[key];
      }
    });
  };
}

/** Whether a property value is a URL with a script scheme, as a browser would parse it. */
export function isScriptUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // The URL parser's own rules: tabs and line breaks anywhere, then leading spaces and control characters, go.
  const unbroken = value.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < unbroken.length && unbroken.charCodeAt(start) <= 0x20) start++;
  const normalized = unbroken.slice(start).toLowerCase();
  return SCRIPT_SCHEMES.some((scheme) => normalized.startsWith(scheme));
}
