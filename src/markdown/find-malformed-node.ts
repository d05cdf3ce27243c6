/** A node a plugin left that newsgen's later steps cannot read, and why. */
export interface MalformedNode {
  readonly problem: string;
  /** Where the node, or the nearest node above it with a place, came from in the Markdown. */
  readonly place: { readonly line: number; readonly column: number } | undefined;
}

/** Node types whose `value` is their text (mdast and hast). */
const LITERALS = new Set(['text', 'html', 'raw', 'comment', 'inlineCode', 'code']);
/** mdast nodes that link somewhere: their `url` is read for every link check and by remark-rehype. */
const WITH_URL = new Set(['link', 'image', 'definition']);

type Loose = Record<string, unknown>;

/**
 * The first node of a Markdown or HTML tree that a plugin's step left in a
 * shape the steps after it cannot read (they would fail with a TypeError
 * that names no plugin): an element without `tagName`, `properties` or
 * `children`, `children` that are not a list of nodes, a text, HTML or code
 * node without a string `value`, a link or image without a string `url`.
 * Undefined when the tree reads well.
 */
export function findMalformedNode(tree: unknown): MalformedNode | undefined {
  const pending: [unknown, MalformedNode['place']][] = [[tree, undefined]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, above] = next;
    if (typeof node !== 'object' || node === null || typeof (node as Loose)['type'] !== 'string')
      return { problem: `left ${describe(node)} where a node belongs (an object with a type)`, place: above };
    const loose = node as Loose;
    const place = placeOf(loose) ?? above;
    const problem = checkNode(loose);
    if (problem) return { problem: `left ${problem}`, place };
    const children = loose['children'];
    if (Array.isArray(children)) for (let at = children.length - 1; at >= 0; at--) pending.push([children[at], place]);
  }
  return undefined;
}

function checkNode(node: Loose): string | undefined {
  const type = node['type'] as string;
  const children = node['children'];
  if (type === 'element') {
    const properties = node['properties'];
    if (typeof node['tagName'] !== 'string') return 'an element without a tagName';
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties))
      return `a <${node['tagName']}> element without properties (an object, {} for none)`;
    if (!Array.isArray(children)) return `a <${node['tagName']}> element without children (a list, [] for none)`;
  } else if ((type === 'root' || 'children' in node) && !Array.isArray(children))
    return `a "${type}" node whose children are not a list`;
  if (LITERALS.has(type) && typeof node['value'] !== 'string') return `a "${type}" node without a string value`;
  if (WITH_URL.has(type) && typeof node['url'] !== 'string') return `a "${type}" node without a string url`;
  return undefined;
}

function placeOf(node: Loose): MalformedNode['place'] {
  const start = (node['position'] as { start?: { line?: unknown; column?: unknown } } | undefined)?.start;
  return typeof start?.line === 'number' && typeof start.column === 'number'
    ? { line: start.line, column: start.column }
    : undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
