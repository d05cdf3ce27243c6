import type { VFile } from 'vfile';
import { findMalformedNode } from './find-malformed-node.js';
import type { PluginEntry } from './markdown-extension.js';

/** Key in `file.data` under which the messages plugins left on a file are listed with the plugin's name. */
export const PLUGIN_MESSAGES_KEY = 'newsgenPluginMessages';

/** A message a plugin left on a file (`file.message(…)`), with the plugin's name. */
export interface PluginMessage {
  readonly plugin: string;
  readonly reason: string;
  /** Line and column within the Markdown (1-based), when the plugin gave a place. */
  readonly place: { readonly line: number; readonly column: number } | undefined;
}

/**
 * A plugin failed: it threw (or `file.fail`ed) while set up or while
 * transforming a document. Carries the plugin's name and, when the error is
 * a vfile message with a place, the place within the Markdown.
 */
export class PluginFailure extends Error {
  override readonly name = 'PluginFailure';
  readonly plugin: string;
  readonly place: { readonly line: number; readonly column: number } | undefined;

  constructor(plugin: string, cause: unknown) {
    super(describeCause(cause), { cause });
    this.plugin = plugin;
    this.place = placeOf(cause);
  }
}

type Attacher = (this: unknown, ...parameters: unknown[]) => unknown;
type Transformer = (tree: unknown, file: VFile, next?: (...args: unknown[]) => void) => unknown;

/**
 * The same unified plugin, answering for itself under `name`: an error it
 * throws while attaching or transforming becomes a {@link PluginFailure}
 * naming it, a promise it returns is refused (newsgen runs plugins
 * synchronously, on worker threads too), and messages it leaves on the file
 * are listed under {@link PLUGIN_MESSAGES_KEY} with its name.
 */
export function namePlugin(name: string, entry: PluginEntry): PluginEntry {
  const [attacher, ...parameters] = Array.isArray(entry) ? entry : [entry];
  if (typeof attacher !== 'function') return entry;
  function named(this: unknown, ...args: unknown[]): unknown {
    let transformer: unknown;
    try {
      transformer = (attacher as Attacher).apply(this, args);
    } catch (error) {
      throw new PluginFailure(name, error);
    }
    return typeof transformer === 'function' ? nameTransformer(name, transformer as Transformer) : transformer;
  }
  return parameters.length > 0 ? ([named, ...parameters] as PluginEntry) : (named as PluginEntry);
}

/** The transformer with its failures and messages tagged; same arity, so unified calls it the same way. */
function nameTransformer(name: string, transformer: Transformer): Transformer {
  const run = (tree: unknown, file: VFile, next?: (...args: unknown[]) => void): unknown => {
    const before = file.messages.length;
    let result: unknown;
    try {
      result = next ? transformer(tree, file, next) : transformer(tree, file);
    } catch (error) {
      throw new PluginFailure(name, error);
    }
    if (isPromise(result)) {
      result.then(undefined, () => undefined);
      throw new PluginFailure(
        name,
        new Error('it returned a promise, and newsgen runs Markdown plugins synchronously'),
      );
    }
    if (result instanceof Error) throw new PluginFailure(name, result);
    // A tree newsgen's next steps cannot read fails there with a TypeError naming no one: name the plugin.
    const malformed = findMalformedNode(isNode(result) ? result : tree);
    if (malformed) throw new PluginFailure(name, Object.assign(new Error(`it ${malformed.problem}`), malformed.place));
    recordMessages(name, file, before);
    return result;
  };
  return transformer.length >= 3 ? (tree, file, next) => run(tree, file, next) : (tree, file) => run(tree, file);
}

function recordMessages(name: string, file: VFile, from: number): void {
  if (file.messages.length <= from) return;
  const list = (file.data[PLUGIN_MESSAGES_KEY] ??= []) as PluginMessage[];
  for (const message of file.messages.slice(from)) {
    list.push({ plugin: name, reason: message.reason, place: placeOf(message) });
  }
}

function isNode(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** The place of a vfile message (or any error with `line` and `column`), when it has one. */
function placeOf(value: unknown): PluginMessage['place'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const { line, column } = value as { line?: unknown; column?: unknown };
  return typeof line === 'number' && line > 0
    ? { line, column: typeof column === 'number' && column > 0 ? column : 1 }
    : undefined;
}

/** One line about what went wrong. */
function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? ((cause as { reason?: unknown }).reason ?? cause.message) : String(cause);
  return String(message).split('\n')[0] ?? '';
}
