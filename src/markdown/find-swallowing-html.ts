import type { Element, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { MAX_HTML_NESTING } from './nesting-limit.js';
import { sanitizeSchema } from './sanitize-schema.js';

/** Elements whose content never reaches the page: the sanitizer strips them whole, and iframes lose (or never show) theirs. */
const CONTENT_LOST: ReadonlySet<string> = new Set([...(sanitizeSchema.strip ?? []), 'iframe']);

/**
 * An end tag, or a start tag without attributes of an element that cannot
 * capture what follows it (an end tag never opens anything).
 */
const PLAIN_TAG =
  /^(?:<\/[a-zA-Z][a-zA-Z0-9-]*\s*>|<(?:a|abbr|b|bdi|bdo|blockquote|br|cite|code|dd|del|dfn|div|dl|dt|em|figcaption|figure|h[1-6]|hr|i|ins|kbd|li|mark|ol|p|q|s|samp|small|span|strong|sub|sup|u|ul|var|wbr)\s*\/?>)$/i;

/** True for a bare end tag, or a start tag that never captures what follows it (`<b>`, `</form>`). */
export function isPlainTag(html: string): boolean {
  return PLAIN_TAG.test(html);
}

/** Parses HTML the way rehype-raw does for a Markdown body: as a fragment (parse5's `<template>` context). */
const fragmentParser = unified().use(rehypeParse, { fragment: true }).freeze();

/** Where text following some raw HTML would end up: the element (`form`) or comment (`!--`) that hides it. */
export interface Swallower {
  /** A tag name such as `form`, or `!--` for a comment that is not closed. */
  readonly name: string;
}

/**
 * Finds out whether text written after the raw HTML `html` would vanish from
 * the page: captured by an element the sanitizer removes with its content
 * (`<form>`, `<select>`, `<template>`, `<textarea>`, `<title>`, `<plaintext>`,
 * …), by an `<iframe>`, or by a comment that is not closed. It parses `html`
 * followed by a marker with the same HTML parser as the pipeline and looks
 * at where the marker landed, so every way of capturing text the parser
 * knows is covered, not a list of cases. `following` says what comes next in
 * the document: `block` content (a paragraph) or `inline` text.
 */
export function findSwallowingHtml(html: string, following: 'block' | 'inline'): Swallower | undefined {
  // Most raw HTML is a bare tag like `<b>` or `</b>`: nothing to parse for those.
  if (isPlainTag(html)) return undefined;
  // HTML nested beyond the pipeline's limit fails the body later anyway (markdown-html-nesting);
  // parsing it here first would only double the time spent on it.
  if (estimateDepth(html) > MAX_HTML_NESTING) return undefined;
  const marker = markerFor(html);
  // Plain text, even after a block: a `<p>` around the marker would end a bogus comment
  // (`<![CDATA[ x`) that in the page runs on over everything after it.
  const tree = fragmentParser.parse(following === 'block' ? `${html}\n${marker}` : `${html}${marker}`);
  const found = findMarker(tree, marker, undefined, following === 'block' ? BLOCK_ESCAPES : new Set());
  // Nowhere in the tree: the parser dropped it along with the construct before it.
  if (found === undefined) return { name: firstConstructName(html) };
  return found ?? undefined;
}

/**
 * The elements open where text written after `html` lands, as their start
 * tags (`<p><b>`): the context the next piece of a sentence is parsed in.
 * Read from the same parse as {@link findSwallowingHtml}, so what the parser
 * implies counts (a second `<table>` closes the first, an `<a>` the open
 * one, `</strong>` leaves a `<b>` opened inside it to be reopened), which a
 * list of the tags written cannot follow. Text that lands beside a table
 * gives the elements around the table. Undefined when the text would land
 * nowhere (raw HTML that swallows it), and for HTML nested beyond the
 * pipeline's limit, which is not parsed (see {@link findSwallowingHtml}).
 */
export function openElementsAfter(html: string): string | undefined {
  if (estimateDepth(html) > MAX_HTML_NESTING) return undefined;
  const marker = markerFor(html);
  return ancestorsOf(fragmentParser.parse(`${html}${marker}`), marker)
    ?.map(startTagOf)
    .join('');
}

/**
 * The elements that a block (`html`: its start tag, its sentence and its
 * end tag, `<p>Harga <b>naik</p>`) leaves open for what follows it, inside
 * the elements around it (`around`, start tags such as `<blockquote>`),
 * outermost first; empty when it leaves none. Mostly formatting elements
 * (`b`, `a`, `em`…): the HTML parser keeps them in its list of active
 * formatting elements past the end of the paragraph and reopens them in
 * every later one. Read from the parser itself, like {@link openElementsAfter}.
 */
export function findLeftOpen(around: string, html: string): Element[] {
  if (estimateDepth(around + html) > MAX_HTML_NESTING) return [];
  const marker = markerFor(around + html);
  const before = ancestorsOf(fragmentParser.parse(`${around}${marker}`), marker) ?? [];
  const after = ancestorsOf(fragmentParser.parse(`${around}${html}${marker}`), marker) ?? [];
  // Compared as start tags: the elements around the block are what both parses share at the top.
  let shared = 0;
  while (shared < before.length && shared < after.length && sameStart(before[shared], after[shared])) shared += 1;
  return after.slice(shared);
}

function sameStart(a: Element | undefined, b: Element | undefined): boolean {
  return a !== undefined && b !== undefined && startTagOf(a) === startTagOf(b);
}

/** The elements from `node` down to the text holding `marker`, outermost first; undefined when none holds it. */
function ancestorsOf(node: Nodes, marker: string): Element[] | undefined {
  if (node.type === 'text') return node.value.includes(marker) ? [] : undefined;
  if (node.type !== 'root' && node.type !== 'element') return undefined;
  for (const child of node.children) {
    const found = ancestorsOf(child, marker);
    if (found !== undefined) return node.type === 'element' ? [node, ...found] : found;
  }
  return undefined;
}

/** An element's start tag, with its attributes. */
function startTagOf(element: Element): string {
  const html = toHtml({ ...element, children: [] });
  const end = `</${element.tagName}>`;
  return html.endsWith(end) ? html.slice(0, -end.length) : html;
}

/** Text that `html` does not hold, to find where the parser puts what follows it. */
function markerFor(html: string): string {
  let marker = 'newsgen-marker';
  while (html.includes(marker)) marker += '-';
  return marker;
}

/** The first tag name, or the opening of a comment or declaration, in some HTML. */
const FIRST_CONSTRUCT = /<(!--|[!?]|\/?[a-zA-Z][a-zA-Z0-9-]*)/;

/** The name of the first tag, comment or declaration in `html` (`form`, `!--`), for a {@link Swallower}. */
export function firstConstructName(html: string): string {
  return FIRST_CONSTRUCT.exec(html)?.[1]?.toLowerCase() ?? html.slice(0, 10);
}

/**
 * The swallower above the marker: null when the marker is in plain sight,
 * undefined when it is not below `node`. Walks with the outermost capturing
 * element first, so the name reported is the one the author wrote first.
 */
function findMarker(
  node: Nodes,
  marker: string,
  capturing: string | undefined,
  escapes: ReadonlySet<string>,
): Swallower | null | undefined {
  if (node.type === 'text') {
    if (!node.value.includes(marker)) return undefined;
    return capturing === undefined ? null : { name: capturing };
  }
  if (node.type === 'comment') return node.value.includes(marker) ? { name: '!--' } : undefined;
  if (node.type !== 'root' && node.type !== 'element') return undefined;
  const inside = node.type === 'element' ? (capturing ?? captureOf(node, escapes)) : capturing;
  for (const child of node.children) {
    const found = findMarker(child, marker, inside, escapes);
    if (found !== undefined) return found;
  }
  // A template's content is a separate fragment that the page never shows.
  if (node.type === 'element' && node.tagName === 'template' && 'content' in node) {
    return findMarker(node.content as Root, marker, capturing ?? 'template', escapes);
  }
  return undefined;
}

/**
 * Elements that the next block leaves: the paragraph Markdown writes after an
 * `<svg>` or `<math>` block breaks out of it, so what follows stays in sight.
 */
const BLOCK_ESCAPES: ReadonlySet<string> = new Set(['svg', 'math']);

/** Elements that are never open for long: void ones, and those the next sibling closes. */
const NOT_NESTING = new Set(
  'area base br col dd dt embed hr img input li link meta option p param source td th tr track wbr'.split(' '),
);

/** How deeply the tags of `html` nest, counted from its start and end tags (at least the parser's depth, roughly). */
function estimateDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g)) {
    const name = match[2]?.toLowerCase() ?? '';
    if (NOT_NESTING.has(name) || match[3] === '/') continue;
    depth += match[1] === '/' ? -1 : 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

function captureOf(element: Element, escapes: ReadonlySet<string>): string | undefined {
  return CONTENT_LOST.has(element.tagName) && !escapes.has(element.tagName) ? element.tagName : undefined;
}
