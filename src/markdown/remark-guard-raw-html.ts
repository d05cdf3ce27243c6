import type { Html, Nodes, Parent, Root, Text } from 'mdast';
import { toString as toPlainText } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { checkBlocks } from './check-raw-html-blocks.js';
import { closeLeftOpen, type LeftOpen, reportLeftOpen } from './close-left-open.js';
import {
  findSwallowingHtml,
  firstConstructName,
  isPlainTag,
  openElementsAfter,
  type Swallower,
} from './find-swallowing-html.js';

export { HTML_SWALLOW } from './check-raw-html-blocks.js';

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
 *
 * And the raw HTML elements a paragraph or heading leaves open are closed
 * at its end, with a warning (see `closeLeftOpen`).
 */
export function remarkGuardRawHtml() {
  return function guardRawHtml(tree: Root, file: VFile): undefined {
    const budget: ParseBudget = { parsed: 0, open: new Map(), leftOpen: [] };
    guardNode(tree, '', budget);
    reportLeftOpen(file, budget.leftOpen);
  };
}

/**
 * How much HTML one body's sentences had parsed to judge their tags and
 * follow their open elements, in characters. Past {@link MAX_PARSED}, every
 * further tag that could capture text is shown as text without looking: a
 * body of thousands of raw tags, or of tags deep inside others, stays fast,
 * and loses nothing.
 */
interface ParseBudget {
  parsed: number;
  /** The open elements after each HTML parsed for them (`openElementsAfter`): sentences repeat their contexts. */
  readonly open: Map<string, string | undefined>;
  /** The elements paragraphs and headings left open, closed at their ends, to report. */
  readonly leftOpen: LeftOpen[];
}

const MAX_PARSED = 1_000_000;

/**
 * Guards `node` and everything below it; `opened` is the start tags of the
 * elements the HTML around it is parsed in (`<blockquote><p><em>`), since
 * what a tag captures depends on them: `<a><form> </form>` in a paragraph
 * closes the paragraph, and the next one then lands in the form.
 */
function guardNode(node: Nodes, opened: string, budget: ParseBudget): void {
  if (!('children' in node)) return;
  const inside = insideOf(node, opened);
  if (INLINE_PARENTS.has(node.type)) {
    const sentence = escapeInline(node, inside, budget);
    // Something is open after the sentence: ask the parser whether it outlives the block too.
    if ((node.type === 'paragraph' || node.type === 'heading') && sentence.open !== inside && !overBudget(budget)) {
      budget.parsed += inside.length + sentence.html.length;
      budget.leftOpen.push(...closeLeftOpen(node, opened, TAGS[node.type]?.(node) ?? 'p', sentence.html));
    }
    return;
  }
  checkBlocks(node);
  for (const child of node.children) guardNode(child, inside, budget);
}

/** `opened` with the start tag of the element `node` becomes, if any. */
function insideOf(node: Nodes, opened: string): string {
  const tag = TAGS[node.type]?.(node);
  return tag === undefined ? opened : `${opened}<${tag}>`;
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
 * elements turned so. A tag is tested inside the elements open where it
 * stands: those around the sentence (`opened`) and those the sentence has
 * opened so far, as the HTML parser leaves them (see `openElementsAfter`):
 * an `<a>` left open earlier changes where a later `<form>` puts what
 * follows. The sentence's formatting (`**…**`) is guarded in its place, and
 * what it leaves open (`**<b>**`) counts after it. Returns the sentence as
 * the parser will see it, for the sentence around formatting, and the
 * elements open after it (`opened` when it leaves none open, or when the
 * budget ran out before it could tell).
 */
function escapeInline(parent: Parent, opened: string, budget: ParseBudget): { html: string; open: string } {
  const escaped = new Set<string>();
  let context = opened;
  let written = '';
  const advance = (piece: string): void => {
    written += piece;
    const html = context + piece;
    if (!budget.open.has(html)) {
      if (budget.parsed >= MAX_PARSED) return;
      budget.parsed += html.length;
      budget.open.set(html, openElementsAfter(html));
    }
    // Nested too deeply to parse (the body fails on that later) or swallowed: the context stays as it was.
    context = budget.open.get(html) ?? context;
  };
  const { children } = parent;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child === undefined) continue;
    if (child.type !== 'html') {
      if (INLINE_PARENTS.has(child.type)) {
        const tag = TAGS[child.type]?.(child);
        const inner = escapeInline(child as Parent, tag === undefined ? context : `${context}<${tag}>`, budget).html;
        advance(tag === undefined ? inner : `<${tag}>${inner}</${tag}>`);
        continue;
      }
      guardNode(child, context, budget);
      written += asParsed(child);
      continue;
    }
    const endName = END_TAG.exec(child.value)?.[1]?.toLowerCase();
    if (endName !== undefined && escaped.has(endName)) {
      children[index] = toText(child);
      written += escapeText(child.value);
      continue;
    }
    const swallower = findSwallower(child.value, context, budget);
    if (!swallower) {
      advance(child.value);
      continue;
    }
    // Past the budget nothing is looked for: the tag is shown as text.
    const closed = budget.parsed >= MAX_PARSED ? undefined : findClosing(parent, index, swallower.name, context);
    budget.parsed += context.length;
    if (closed !== undefined) {
      advance(closed.html);
      index = closed.end;
      continue;
    }
    children[index] = toText(child);
    written += escapeText(child.value);
    escaped.add(swallower.name);
  }
  return { html: written, open: context };
}

function overBudget(budget: ParseBudget): boolean {
  return budget.parsed >= MAX_PARSED;
}

/** What a raw tag of a sentence would swallow inside `context`; past the budget, anything that might. */
function findSwallower(html: string, context: string, budget: ParseBudget): Swallower | undefined {
  if (isPlainTag(html)) return undefined;
  if (budget.parsed >= MAX_PARSED) return { name: firstConstructName(html) };
  budget.parsed += context.length + html.length;
  return findSwallowingHtml(context + html, 'inline');
}

/** A node of a sentence as the parser will see it: raw HTML as written, the rest as text. */
function asParsed(node: Nodes): string {
  return node.type === 'html' ? node.value : escapeText(toPlainText(node));
}

/**
 * Elements whose content the HTML tokenizer reads as text up to their end tag
 * (raw text, escapable raw text, script data).
 */
const TEXT_CONTENT_ELEMENTS: ReadonlySet<string> = new Set(
  'iframe noembed noframes noscript plaintext script style textarea title xmp'.split(' '),
);

/**
 * Where a later end tag in the same sentence closes what opens at `start`
 * (`<select>…</select>`), so that the text after it stays, with the span as
 * the parser will see it; undefined when none does. The span is tested as the HTML parser will see it, inside
 * `context` (the elements open around it): raw HTML as written, text as
 * text. That holds only where rehype-raw parses the sentence the same way,
 * so these spans are never taken as closed:
 *
 * - one that holds Markdown formatting (`<style> _a_ <form> </style>`):
 *   rehype-raw hands the parser the formatting as elements, not text, and
 *   an element changes how the HTML after it parses (its end puts the
 *   tokenizer back to reading tags inside a `<style>`, and an `<em>` breaks
 *   out of an `<svg>`), so a `<form>` after it takes the rest of the article;
 * - raw HTML inside an element whose content is read as text
 *   (`<script></m>x</a><form></script>`): rehype-raw feeds each piece of raw
 *   HTML to the tokenizer on its own, and across those pieces it leaves the
 *   element's text early.
 */
function findClosing(
  parent: Parent,
  start: number,
  name: string,
  context: string,
): { readonly end: number; readonly html: string } | undefined {
  let html = '';
  const textContent = TEXT_CONTENT_ELEMENTS.has(name);
  for (let index = start; index < parent.children.length; index += 1) {
    const node = parent.children[index] as Nodes;
    if (node.type !== 'html' && node.type !== 'text') return undefined;
    const ends = node.type === 'html' && END_TAG.exec(node.value)?.[1]?.toLowerCase() === name;
    if (textContent && index !== start && node.type === 'html' && !ends) return undefined;
    html += asParsed(node);
    if (index === start || !ends) continue;
    if (!findSwallowingHtml(context + html, 'inline')) return { end: index, html };
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
