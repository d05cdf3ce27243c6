import { find, html } from 'property-information';
import type { Options as Schema } from 'rehype-sanitize';
import { type EmbedRule, isForbiddenAttribute, type SanitizeExtension } from './markdown-extension.js';

/** One entry of a schema's attribute list: a property name, or a name and the values it may take. */
type AttributeDefinition = NonNullable<Schema['attributes']>[string][number];

/** The hast property name of an HTML attribute name (`data-id` → `dataId`, `class` → `className`). */
export function toPropertyName(attribute: string): string {
  return find(html, attribute).property;
}

/**
 * The sanitizer's schema widened by extensions, one after the other: their
 * elements are kept (and no longer stripped with their content), their
 * attributes and classes allowed, and the attributes of extra embed hosts
 * allowed on `iframe` (which iframes survive, and with which of those
 * attributes, `rehypeEmbedAllowlist` decides first). Forbidden attributes
 * (see `isForbiddenAttribute`) are skipped here too, whatever validation let
 * through; protocols are never widened. The base schema is not changed.
 */
export function extendSanitizeSchema(
  base: Schema,
  extensions: readonly SanitizeExtension[],
  embeds: readonly EmbedRule[] = [],
): Schema {
  const tagNames = new Set(base.tagNames ?? []);
  const strip = new Set(base.strip ?? []);
  const attributes: Record<string, AttributeDefinition[]> = {};
  for (const [tag, definitions] of Object.entries(base.attributes ?? {})) attributes[tag] = [...definitions];
  const allow = (tag: string, names: readonly string[]) => {
    const kept = names.filter((name) => !isForbiddenAttribute(name)).map(toPropertyName);
    const list = (attributes[tag] ??= []);
    for (const name of kept) {
      const index = list.findIndex((definition) => nameOf(definition) === name);
      if (index === -1) list.push(name);
      // Allowed outright, an attribute the base schema allows some values of (`rel`) takes any; classes go by `classes`.
      else if (name !== 'className') list[index] = name;
    }
  };
  for (const extension of extensions) {
    for (const element of extension.elements ?? []) {
      tagNames.add(element);
      strip.delete(element);
    }
    for (const [tag, names] of Object.entries(extension.attributes ?? {})) allow(tag, names);
    for (const [tag, classes] of Object.entries(extension.classes ?? {}))
      attributes[tag] = allowClasses(attributes[tag] ?? [], classes);
  }
  allow(
    'iframe',
    embeds.flatMap((rule) => rule.attributes),
  );
  return { ...base, tagNames: [...tagNames], strip: [...strip], attributes };
}

/** The attribute list with `classes` added to what `className` may hold (left alone when any class is allowed). */
function allowClasses(definitions: readonly AttributeDefinition[], classes: readonly string[]): AttributeDefinition[] {
  const index = definitions.findIndex((definition) => nameOf(definition) === 'className');
  const current = definitions[index];
  if (current === undefined) return [...definitions, ['className', ...classes]];
  // A name without values already allows every class.
  if (typeof current === 'string' || current.length === 1) return [...definitions];
  const values = current.slice(1);
  const merged: AttributeDefinition = ['className', ...values, ...classes.filter((name) => !values.includes(name))];
  return definitions.map((definition, at) => (at === index ? merged : definition));
}

function nameOf(definition: AttributeDefinition): string {
  return typeof definition === 'string' ? definition : String(definition[0]);
}
