/**
 * JSON for an inline `<script type="application/ld+json">`: no value can end
 * the script element or open a comment, because `<`, `>` and `&` are written
 * as `\u003c`, `\u003e`, `\u0026` (JSON parsers read them back unchanged), and
 * the line separators U+2028/U+2029 are escaped too.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
