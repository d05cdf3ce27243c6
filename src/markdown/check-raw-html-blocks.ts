import type { Html, Parent } from 'mdast';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { findSwallowingHtml, type Swallower } from './find-swallowing-html.js';

/** Code (and rule id) of the error for raw HTML that would hide the rest of a body. */
export const HTML_SWALLOW = 'markdown-html-swallow';

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

/**
 * Fails the body at the first raw HTML block of `parent` after which text
 * would vanish: one Markdown never ends (see `RAW_BLOCKS`), or one that
 * leaves open an element that hides its content (see `findSwallowingHtml`).
 */
export function checkBlocks(parent: Parent): void {
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
