import { escapeXmlAttribute, escapeXmlText } from './xml-escape.js';

/**
 * An element of a feed or sitemap: its name (with a prefix where it has
 * one), attributes in the order they are written, and either text or child
 * elements. Namespace declarations are attributes like any other
 * (`xmlns`, `xmlns:media`).
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly content: string | readonly XmlNode[];
}

/** An element written beforehand by {@link renderXmlElement} at the depth where it goes (a feed's item, kept between builds). */
export interface XmlWritten {
  readonly written: string;
}

/** A child of an element. */
export type XmlNode = XmlElement | XmlWritten;

/**
 * An element with text or children (attributes optional), in the manner of
 * `xastscript`'s `x()`: `xml('link', { href }, [])`, `xml('title', 'Judul')`.
 * Attributes whose value is `undefined` are left out.
 */
export function xml(
  name: string,
  attributesOrContent: XmlElement['attributes'] | XmlElement['content'] = [],
  content: XmlElement['content'] = [],
): XmlElement {
  if (typeof attributesOrContent === 'string' || Array.isArray(attributesOrContent))
    return { name, attributes: {}, content: attributesOrContent as XmlElement['content'] };
  return { name, attributes: attributesOrContent as XmlElement['attributes'], content };
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const INDENT = '  ';

/**
 * Writes a document: the XML declaration, then the root with each child
 * element on its own line, indented two spaces per level. An element with
 * text keeps it on its line, and one with neither text nor children closes
 * itself (`<link href="…"/>`). No newline at the end.
 */
export function renderXmlDocument(root: XmlElement): string {
  const lines = [DECLARATION];
  writeElement(root, 0, lines);
  return lines.join('\n');
}

/** One element as {@link renderXmlDocument} writes it at `depth` (its lines, joined), to place in a document later. */
export function renderXmlElement(element: XmlElement, depth: number): XmlWritten {
  const lines: string[] = [];
  writeElement(element, depth, lines);
  return { written: lines.join('\n') };
}

function writeElement(node: XmlNode, depth: number, lines: string[]): void {
  if ('written' in node) {
    lines.push(node.written);
    return;
  }
  const element = node;
  const indent = INDENT.repeat(depth);
  const open = `${indent}<${element.name}${renderAttributes(element.attributes)}`;
  const { content } = element;
  if (content.length === 0) lines.push(`${open}/>`);
  else if (typeof content === 'string') lines.push(`${open}>${escapeXmlText(content)}</${element.name}>`);
  else {
    lines.push(`${open}>`);
    for (const child of content) writeElement(child, depth + 1, lines);
    lines.push(`${indent}</${element.name}>`);
  }
}

function renderAttributes(attributes: XmlElement['attributes']): string {
  let text = '';
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) text += ` ${name}="${escapeXmlAttribute(value)}"`;
  return text;
}
