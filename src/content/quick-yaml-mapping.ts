import { FAILSAFE_SCHEMA, load, type State, Type } from 'js-yaml';
import { isScalar, type ScalarTag, Schema } from 'yaml';

/**
 * A YAML mapping read the quick way: js-yaml, about ten times faster than the
 * `yaml` package on front matter, which a cold build parses once per
 * article. The `yaml` package stays the reference: it reads whatever this
 * declines, gives every error message, and answers `locate` for the few
 * places this cannot tell.
 */
export interface QuickMapping {
  readonly data: Record<string, unknown>;
  /**
   * Where the `yaml` package's node for `path` starts (with `key`, the pair's
   * key), as an offset into the text: `undefined` when there is no such node,
   * `'ask-yaml'` when only the `yaml` package can tell (an empty value).
   */
  locate(path: readonly (string | number)[], key: boolean): number | undefined | 'ask-yaml';
}

/** One node as js-yaml composed it: where it opened and closed, and what it holds. */
interface Node {
  readonly open: number;
  close: number;
  kind: string | null;
  result: unknown;
  explicit: boolean;
  /** Unwrapped (see `unwrap`) once the node has closed. */
  children: Node[];
}

const DECLINED = Symbol('declined');

/**
 * Reads `text` as the `yaml` package does with the core schema, or declines
 * (`undefined`) for anything outside the plain subset front matter is made
 * of: tags, anchors and aliases, block scalars, flow mappings, explicit
 * keys, keys that are not strings (or `__proto__`), values over several
 * lines, tabs, a carriage return that does not end a line, a `#` straight
 * after a quote or bracket, and any text js-yaml finds an error or a
 * warning in. What a plain scalar means (`12`, `true`, `~`, `0o14`) is
 * decided by the `yaml` package's own core-schema tags, so the two cannot
 * disagree on it.
 */
export function readQuickMapping(text: string): QuickMapping | undefined {
  if (text.includes('\t') || LONE_CARRIAGE_RETURN.test(text) || COMMENT_AFTER_TOKEN.test(text)) return undefined;
  const stack: Node[] = [];
  let root: Node | undefined;
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      const node: Node = {
        open: state.position,
        close: -1,
        kind: null,
        result: undefined,
        explicit: false,
        children: [],
      };
      stack.at(-1)?.children.push(node);
      stack.push(node);
      return;
    }
    const node = stack.pop();
    if (!node) throw DECLINED;
    const { tag, anchor } = state as State & { tag: string | null; anchor: string | null };
    node.close = state.position;
    node.kind = state.kind;
    node.result = state.result;
    node.explicit = anchor !== null || (tag !== null && tag !== '?' && tag !== PLAIN_TAG);
    node.children = node.children.map(unwrap);
    if (stack.length === 0) root = node;
  };
  let data: unknown;
  try {
    data = load(text, {
      schema: QUICK_SCHEMA,
      listener,
      onWarning: () => {
        throw DECLINED;
      },
    });
  } catch {
    return undefined;
  }
  if (!root || !isPlainObject(data)) return undefined;
  const top = unwrap(root);
  if (top.result !== data || !isPlain(text, top)) return undefined;
  return { data, locate: (path, key) => locateIn(text, top, path, key) };
}

/** A carriage return that does not end a line with `\n` (a Windows line end is read like `\n`). */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** A `#` right after a quote or a flow indicator: the `yaml` package refuses it (a comment needs a space before it), js-yaml reads a comment. */
const COMMENT_AFTER_TOKEN = /["'[\]{},:]#/;

/** The tag js-yaml gives plain scalars that the `yaml` package's core schema resolves (numbers, booleans, null). */
const PLAIN_TAG = 'tag:newsgen,2026:core-scalar';

/** The `yaml` package's core-schema tags that resolve a plain scalar by its text, in the order it tries them. */
const CORE_TAGS = new Schema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => !tag.collection && tag.default === true && tag.test instanceof RegExp,
);

const QUICK_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type(PLAIN_TAG, {
      kind: 'scalar',
      resolve: (text: unknown) => typeof text === 'string' && CORE_TAGS.some((tag) => tag.test.test(text)),
      construct: (text: string) => {
        const tag = CORE_TAGS.find((candidate) => candidate.test.test(text));
        if (!tag) throw DECLINED;
        const value = tag.resolve(
          text,
          () => {
            throw DECLINED;
          },
          {},
        );
        return isScalar(value) ? value.value : value;
      },
    }),
  ],
});

/**
 * js-yaml composes some nodes twice, one inside the other (a plain value is
 * first tried as a mapping's key): the inner node is the one that counts.
 */
function unwrap(node: Node): Node {
  let current = node;
  while (current.children.length === 1) {
    const [child] = current.children as [Node];
    if (child.kind !== current.kind || child.close !== current.close || !Object.is(child.result, current.result)) break;
    current = child;
  }
  return current;
}

function isPlain(text: string, node: Node): boolean {
  if (node.explicit) return false;
  const start = skipSeparation(text, node.open);
  if (DECLINED_STARTS.has(text.charCodeAt(start))) return false;
  if (node.kind === 'scalar' || node.kind === null) {
    if (node.children.length > 0) return false;
    // One line: folding a value over several lines is where parsers differ most.
    return node.result === null || !text.slice(start, node.close).includes('\n');
  }
  const { children } = node;
  if (node.kind === 'sequence') {
    if (!Array.isArray(node.result) || children.length !== node.result.length) return false;
    return children.every(
      (child, index) => Object.is(child.result, (node.result as unknown[])[index]) && isPlain(text, child),
    );
  }
  if (node.kind !== 'mapping' || !isPlainObject(node.result)) return false;
  const data = node.result;
  if (children.length !== 2 * Object.keys(data).length) return false;
  for (let index = 0; index < children.length; index += 2) {
    const key = children[index] as Node;
    const value = children[index + 1] as Node;
    if (key.kind !== 'scalar' || typeof key.result !== 'string' || key.result === '__proto__') return false;
    if (!Object.hasOwn(data, key.result) || !Object.is(data[key.result], value.result)) return false;
    if (!isPlain(text, key) || !isPlain(text, value)) return false;
  }
  return true;
}

/** Tag, anchor, alias, flow mapping, explicit key, block scalars, and the reserved indicators. */
const DECLINED_STARTS = new Set([...'!&*{?|>%@`'].map((character) => character.charCodeAt(0)));

function locateIn(
  text: string,
  top: Node,
  path: readonly (string | number)[],
  key: boolean,
): number | undefined | 'ask-yaml' {
  if (path.length === 0) return 'ask-yaml';
  let node = top;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth] as string | number;
    const { children } = node;
    if (node.kind === 'mapping') {
      if (typeof segment !== 'string') return undefined;
      const index = children.findIndex((child, at) => at % 2 === 0 && child.result === segment);
      if (index === -1) return undefined;
      if (key && depth === path.length - 1) return skipSeparation(text, (children[index] as Node).open);
      node = children[index + 1] as Node;
    } else if (node.kind === 'sequence') {
      const index = typeof segment === 'string' && segment !== '' ? Number(segment) : segment;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= children.length)
        return undefined;
      node = children[index] as Node;
    } else return undefined;
  }
  if (node.result === null) return 'ask-yaml';
  return skipSeparation(text, node.open);
}

/** The first offset from `from` that is not a space, a line break or a comment. */
function skipSeparation(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isSeparation(code)) index++;
    else if (code === 0x23 && (index === 0 || isSeparation(text.charCodeAt(index - 1)))) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else break;
  }
  return index;
}

function isSeparation(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
