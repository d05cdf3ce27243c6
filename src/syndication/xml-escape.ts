import { stringifyEntities } from 'stringify-entities';

// Every piece of text and every attribute value in the feeds and sitemaps
// becomes XML here and nowhere else, so a rule about what may reach XML
// output (escaping, characters XML forbids) is written once.

const TEXT_SUBSET = ['&', '<', '>'];
const ATTRIBUTE_SUBSET = ['&', '<', '>', '"'];

/**
 * Escapes text for XML element content: `&`, `<` and `>` as the named
 * references `&amp;`, `&lt;` and `&gt;`. Every `&` is escaped, also one that
 * already starts a reference, so `&nbsp;` in a title is shown as written
 * instead of becoming an entity XML does not define.
 */
export function escapeXmlText(value: string): string {
  return stringifyEntities(value, { subset: TEXT_SUBSET, useNamedReferences: true });
}

/** Escapes a value for a double-quoted XML attribute: as {@link escapeXmlText}, and `"` as `&quot;`. */
export function escapeXmlAttribute(value: string): string {
  return stringifyEntities(value, { subset: ATTRIBUTE_SUBSET, useNamedReferences: true });
}
