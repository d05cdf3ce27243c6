import type { Element } from 'hast';
import { h } from 'hastscript';
import type { EmbedComponent, EmbedImage, EmbedInput } from './embed-input.js';

/**
 * A component's placeholder in a body's HTML, as the sanitizer lets it
 * through: its name, the directive as written (base64url JSON), and the
 * images it shows (there only so the image stage finds them; the theme's
 * partial prints its own). Groups: name, encoded input.
 */
export const COMPONENT_PLACEHOLDER =
  /<div data-component="([a-z]+)" data-input="([\w-]*)">(?:<img(?: [\w-]+(?:="[^"]*")?)*>)*<\/div>/g;

/** What every placeholder starts with: bodies without it are left as they are, unread. */
export const COMPONENT_PLACEHOLDER_START = '<div data-component="';

/**
 * The placeholder the Markdown stage leaves for a checked component: the
 * theme renders it when the page is (see `expandComponents`), so a site's
 * partial changes pages without processing any Markdown again.
 */
export function createComponentPlaceholder(input: EmbedInput, component: EmbedComponent): Element {
  const written = { label: input.label, attributes: input.attributes, images: input.images };
  return h(
    'div',
    { dataComponent: input.name, dataInput: Buffer.from(JSON.stringify(written)).toString('base64url') },
    (component.images ?? []).map((image) => h('img', { src: image.src, alt: image.alt })),
  );
}

/** The directive a placeholder carries, or undefined when it is not one newsgen wrote. */
export function readComponentInput(name: string, encoded: string): EmbedInput | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { label, attributes, images } = value as Record<string, unknown>;
  if (typeof label !== 'string' || !isStringRecord(attributes)) return undefined;
  if (images !== undefined && !(Array.isArray(images) && images.every(isEmbedImage))) return undefined;
  return images === undefined ? { name, label, attributes } : { name, label, attributes, images };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

function isEmbedImage(value: unknown): value is EmbedImage {
  if (typeof value !== 'object' || value === null) return false;
  const { src, alt, title } = value as Record<string, unknown>;
  return typeof src === 'string' && typeof alt === 'string' && (title === undefined || typeof title === 'string');
}
