import type { Html, Nodes, Parent, Root, Text } from 'mdast';
import { toString as toPlainText } from 'mdast-util-to-string';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { findSwallowingHtml, isPlainTag, type Swallower } from './find-swallowing-html.js';

/** Code (and rule id) of the error for raw HTML that would hide the rest of a body. */
export const HTML_SWALLOW = 'markdown-html-swallow';

/** Nodes whose children are inline content: raw HTML in them is a tag inside a sentence. */
const INLINE_PARENTS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'textDirective',
  'leafDirective',
]);

const END_TAG = /^<\/([a-zA-Z][a-zA-Z0-9-]*)/;

/**
 * A remark plugin, before remark-rehype, that keeps raw HTML from silently
 * swallowing an author's text (`Every login page uses a <form> element.`
 * used to end the article there). Raw HTML after which text would vanish
 * (see `findSwallowingHtml`):
 *
 * - inside a sentence, becomes the text it was written as (`<form>` is shown
 *   literally, and so are later end tags of it in the sentence), unless an
 *   end tag later in the sentence closes it (`<iframe …></iframe>`,
 *   `<select>…</select>`: removed with its content, as before);
 * - as a block of its own, fails the body with {@link HTML_SWALLOW} at the
 *   block's place, naming the element. Even at the end of a body: an
 *   unclosed `<textarea>`, `<script>` or comment block runs to the end of
 *   the document, taking the author's text with it.
 */
export function remarkGuardRawHtml() {
  return function guardRawHtml(tree: Root): undefined {
    guardNode(tree, '');
  };
}

/**
 * Guards `node` and everything below it; `opened` is the start tags of the
 * elements the HTML around it is parsed in (`<blockquote><p><em>`), since
 * what a tag captures depends on them: `<a><form> </form>` in a paragraph
 * closes the paragraph, and the next one then lands in the form.
 */
function guardNode(node: Nodes, opened: string): void {
  if (!('children' in node)) return;
  const tag = TAGS[node.type]?.(node);
  const inside = tag === undefined ? opened : `${opened}<${tag}>`;
  if (INLINE_PARENTS.has(node.type)) escapeInline(node, inside);
  else checkBlocks(node);
  for (const child of node.children) guardNode(child, inside);
}

/** The element each kind of Markdown node becomes, for parsing raw HTML as it will sit in the page. */
const TAGS: Partial<Record<Nodes['type'], (node: Nodes) => string>> = {
  paragraph: () => 'p',
  heading: (node) => `h${node.type === 'heading' ? node.depth : 2}`,
  blockquote: () => 'blockquote',
  list: (node) => (node.type === 'list' && node.ordered ? 'ol' : 'ul'),
  listItem: () => 'li',
  table: () => 'table',
  tableRow: () => 'tr',
  tableCell: () => 'td',
  emphasis: () => 'em',
  strong: () => 'strong',
  delete: () => 'del',
  link: () => 'a',
  linkReference: () => 'a',
};

/**
 * Turns each swallowing tag of a sentence into text, with the end tags of the
 * elements turned so. A tag is tested inside the elements around the
 * sentence (`opened`) and those the sentence left open before it: an `<a>`
 * left open earlier changes where a later `<form>` puts what follows. Only
 * the open tags are kept, not the whole sentence, so a paragraph of many
 * tags is checked in linear time.
 */
function escapeInline(parent: Parent, opened: string): void {
  const escaped = new Set<string>();
  const open: { readonly name: string; readonly tag: string }[] = [];
  const context = () => opened + open.map((element) => element.tag).join('');
  const { children } = parent;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child?.type !== 'html') continue;
    const endName = END_TAG.exec(child.value)?.[1]?.toLowerCase();
    if (endName !== undefined && escaped.has(endName)) {
      children[index] = toText(child);
      continue;
    }
    const swallower = isPlainTag(child.value) ? undefined : findSwallowingHtml(context() + child.value, 'inline');
    if (!swallower) {
      trackOpenElements(open, child.value);
      continue;
    }
    const closedAt = findClosingIndex(parent, index, swallower.name, context());
    if (closedAt !== undefined) {
      index = closedAt;
      continue;
    }
    children[index] = toText(child);
    escaped.add(swallower.name);
  }
}

/** Elements that never hold content: their start tag leaves nothing open. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/** A start tag; a quoted attribute value may hold `>` (`<b title="a>b">`). Each alternative starts differently: linear. */
const START_TAG = /^<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>$/;

/**
 * Keeps `open` up to date with one raw tag of a sentence: a start tag opens
 * its element (`<a/>` too: HTML ignores the slash), an end tag closes it.
 */
function trackOpenElements(open: { name: string; tag: string }[], html: string): void {
  const endName = END_TAG.exec(html)?.[1]?.toLowerCase();
  if (endName !== undefined) {
    const at = open.map((element) => element.name).lastIndexOf(endName);
    if (at !== -1) open.length = at;
    return;
  }
  const name = START_TAG.exec(html)?.[1]?.toLowerCase();
  if (name !== undefined && !VOID_ELEMENTS.has(name)) open.push({ name, tag: html });
}

/**
 * Where a later end tag in the same sentence closes what opens at `start`
 * (`<select>…</select>`), so that the text after it stays; undefined when
 * none does. The span is tested as the HTML parser will see it, inside
 * `context` (the elements open around it): raw HTML as written, text as
 * text. A span that holds Markdown formatting (`<style> _a_ <form> </style>`)
 * is never taken as closed: rehype-raw hands the parser that formatting as
 * elements, not text, and an element changes how the HTML after it parses.
 * Its end puts the tokenizer back to reading tags inside a `<style>` or
 * `<textarea>`, and an `<em>` breaks out of an `<svg>`; either way a
 * `<form>` after it opens a form that takes the rest of the article.
 */
function findClosingIndex(parent: Parent, start: number, name: string, context: string): number | undefined {
  let html = context;
  for (let index = start; index < parent.children.length; index += 1) {
    const node = parent.children[index] as Nodes;
    if (node.type !== 'html' && node.type !== 'text') return undefined;
    html += node.type === 'html' ? node.value : escapeText(toPlainText(node));
    if (index === start || node.type !== 'html' || END_TAG.exec(node.value)?.[1]?.toLowerCase() !== name) continue;
    if (!findSwallowingHtml(html, 'inline')) return index;
  }
  return undefined;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function toText(node: Html): Text {
  return node.position
    ? { type: 'text', value: node.value, position: node.position }
    : { type: 'text', value: node.value };
}

/**
 * HTML blocks that Markdown ends only at their closing sequence, not at a
 * blank line (CommonMark's kinds 1 to 5): left open, one takes in every line
 * after it as raw HTML, whatever the HTML parser then makes of it.
 */
const RAW_BLOCKS: readonly { readonly open: RegExp; readonly close: RegExp; readonly closer: string }[] = [
  {
    open: /^ {0,3}<(script|pre|style|textarea)(?=[\s/>]|$)/i,
    close: /<\/(script|pre|style|textarea)>/i,
    closer: '</…>',
  },
  { open: /^ {0,3}<!--/, close: /-->/, closer: '-->' },
  { open: /^ {0,3}<\?/, close: /\?>/, closer: '?>' },
  { open: /^ {0,3}<![A-Za-z]/, close: />/, closer: '>' },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/, closer: ']]>' },
];

/** The opening of a raw block that is never closed, when `html` is one. */
function findUnclosedBlock(html: string): { readonly opening: string; readonly closer: string } | undefined {
  for (const block of RAW_BLOCKS) {
    const match = block.open.exec(html);
    if (!match) continue;
    if (block.close.test(html.slice(match[0].length))) return undefined;
    const name = match[1]?.toLowerCase();
    return { opening: name ? `<${name}>` : match[0].trim(), closer: name ? `</${name}>` : block.closer };
  }
  return undefined;
}

function checkBlocks(parent: Parent): void {
  for (const child of parent.children) {
    if (child.type !== 'html') continue;
    const unclosed = findUnclosedBlock(child.value);
    if (unclosed) throw createUnclosedError(unclosed, child);
    const swallower = findSwallowingHtml(child.value, 'block');
    if (swallower) throw createSwallowError(swallower, child);
  }
}

function createUnclosedError(unclosed: { opening: string; closer: string }, node: Html): NewsgenError {
  const start = node.position?.start;
  return new NewsgenError(
    `Unexpected \`${unclosed.opening}\` that is never closed: every line after it is read as raw HTML and may vanish from the page, expected \`${unclosed.closer}\``,
    {
      code: HTML_SWALLOW,
      place: start && { line: start.line, column: start.column },
      hint: 'Close it, remove it, or show it as text with a backslash before the `<`.',
    },
  );
}

function createSwallowError(swallower: Swallower, node: Html): NewsgenError {
  const start = node.position?.start;
  const reason =
    swallower.name === '!--'
      ? 'Unexpected HTML comment `<!--` without its `-->`: everything after it would vanish from the page, expected `-->` to close it'
      : `Unexpected raw HTML \`<${swallower.name}>\` left open: everything after it would vanish from the page (the content of \`<${swallower.name}>\` is never shown), expected \`</${swallower.name}>\` in the same block`;
  return new NewsgenError(reason, {
    code: HTML_SWALLOW,
    place: start && { line: start.line, column: start.column },
    hint: 'Close it in the same block, remove it, or show it as text: `` `<form>` `` or `\\<form>`.',
  });
}
