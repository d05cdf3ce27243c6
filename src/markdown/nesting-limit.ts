import { NewsgenError } from '../diagnostics/newsgen-error.js';

/**
 * How deeply a body's Markdown blocks and inline marks (quotes, lists,
 * emphasis, links) may nest. Real articles nest a handful of levels. The
 * renderer's tree walks recurse, and a thread's stack holds a few thousand
 * levels at most: fewer on the main thread than in a worker, and fewer before
 * the code is optimised. A fixed limit far below that makes the outcome the
 * same wherever and whenever a body is rendered.
 */
export const MAX_NESTING = 256;

/** A place in a document, 1-based. */
interface Point {
  readonly line: number;
  readonly column: number;
}

/** A node of a syntax tree (mdast, hast), as far as nesting is concerned. */
interface TreeNode {
  readonly type: string;
  readonly children?: readonly TreeNode[];
  readonly position?: { readonly start: Point } | undefined;
}

/**
 * Finds the first node, in document order, nested more than `limit` levels
 * below `tree` (the root's children are level 1).
 */
export function findTooDeep(tree: TreeNode, limit = MAX_NESTING): TreeNode | undefined {
  return findNode(tree, (_node, depth) => depth > limit);
}

/**
 * Finds the first node, in document order, that passes `test` (given the
 * node and its depth, the root's being 0). Walks with its own stack, so a
 * tree of any depth can be searched.
 */
export function findNode(tree: TreeNode, test: (node: TreeNode, depth: number) => boolean): TreeNode | undefined {
  const stack: { node: TreeNode; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    if (test(entry.node, entry.depth)) return entry.node;
    const children = entry.node.children;
    if (!children) continue;
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push({ node: child, depth: entry.depth + 1 });
    }
  }
  return undefined;
}

/**
 * How deeply the elements of a body with raw HTML may nest, the Markdown's
 * own elements included (those add at most a few levels to its nesting):
 * the depth at which browsers' HTML parsers stop nesting elements.
 */
export const MAX_HTML_NESTING = 2 * MAX_NESTING;

/** Code of the error `render` throws for Markdown nested beyond {@link MAX_NESTING}; its place is within the Markdown given. */
export const MARKDOWN_NESTING = 'markdown-nesting';
/** Code of the error `render` throws for raw HTML nested beyond {@link MAX_HTML_NESTING}, placed at the body's first HTML. */
export const HTML_NESTING = 'markdown-html-nesting';

/** The error for Markdown nested too deeply, at the first node beyond the limit. */
export function createMarkdownNestingError(place: Point | undefined): NewsgenError {
  return new NewsgenError(
    `Unexpected content nested more than ${MAX_NESTING} levels deep, expected at most ${MAX_NESTING} levels of quotes, lists, emphasis and links inside each other`,
    {
      code: MARKDOWN_NESTING,
      place: place && { line: place.line, column: place.column },
      hint: 'Flatten the nested quotes, lists, emphasis or links: no article needs more than a few levels.',
    },
  );
}

/**
 * The error for raw HTML nested too deeply, at the body's first HTML. The
 * same whether the renderer's check found it or the thread's stack ran out
 * first, which depends on the thread: so the build's outcome does not.
 */
export function createHtmlNestingError(place: Point | undefined, cause?: unknown): NewsgenError {
  return new NewsgenError(
    `Unexpected raw HTML nested more than ${MAX_HTML_NESTING} elements deep (counting the quotes and lists around it), expected at most ${MAX_HTML_NESTING}`,
    {
      code: HTML_NESTING,
      place: place && { line: place.line, column: place.column },
      cause,
      hint: 'Remove the extra wrapping elements from the HTML in this body.',
    },
  );
}

/** A rehype plugin, right after rehype-raw: fails the document when the parsed HTML nests beyond the limit. */
export function rehypeNestingLimit() {
  return function checkNesting(tree: TreeNode): undefined {
    if (findTooDeep(tree, MAX_HTML_NESTING)) throw createHtmlNestingError(undefined);
  };
}

/** Whether an error is the engine running out of stack: deep recursion in a tree walk. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('Maximum call stack size exceeded');
}
