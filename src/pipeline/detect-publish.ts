import type { Article } from '../content/article.js';
import { type PublishChange, type PublishedSite, patchPublish } from '../incremental/patch-publish.js';
import type { ProcessedContent } from './process-content.js';
import type { BuildInputs } from './read-inputs.js';
import type { LastModel, SessionContext } from './session-memory.js';

/**
 * The last build's model patched for a build whose only content change is
 * one article file added or one removed (see `patchPublish`), when nothing
 * else it was made from changed and no plugin reads the site model.
 * Undefined when the model must be built again.
 */
export function detectPublish(
  context: SessionContext,
  inputs: BuildInputs,
  processed: ProcessedContent,
  previous: LastModel,
): PublishedSite | undefined {
  const { memory, config } = context;
  const paths = memory.order?.paths;
  if (!paths || previous.settings !== inputs.settings) return undefined;
  if (memory.plugins?.list.some((plugin) => plugin.hooks.siteModel)) return undefined;
  const change = findChange(context, processed, previous, paths);
  if (!change) return undefined;
  const others: Article[] = [];
  for (const [path, { result }] of memory.results) {
    if (result.kind === 'failed') return undefined;
    if (result.kind === 'article' && !(change.kind === 'add' && path === change.article.sourcePath))
      others.push(result.article);
  }
  return patchPublish(previous, change, others, config);
}

/** The one article file added, or the one file removed, since the last model; undefined for any other change. */
function findChange(
  { memory }: SessionContext,
  processed: ProcessedContent,
  previous: LastModel,
  paths: readonly string[],
): PublishChange | undefined {
  if (paths.length === previous.paths.length + 1 && processed.stale.length === 1) {
    const entry = processed.stale[0];
    const result = entry && memory.results.get(entry.source.path)?.result;
    if (!entry || processed.before.get(entry.source.path) !== undefined || result?.kind !== 'article') return undefined;
    // Every other path was there: the new file is the one change.
    return isOneInsertion(paths, previous.paths, entry.source.path)
      ? { kind: 'add', article: result.article }
      : undefined;
  }
  if (paths.length === previous.paths.length - 1 && processed.stale.length === 0) {
    const gone = previous.paths.filter((path) => !memory.entries.has(path));
    return gone.length === 1 && gone[0] !== undefined ? { kind: 'remove', sourcePath: gone[0] } : undefined;
  }
  return undefined;
}

/**
 * Whether `paths` is `before` with `added` inserted, both in the same order
 * (the session's sorted content paths): one walk, no set of every path.
 * False, never wrongly true, when the orders differ otherwise.
 */
function isOneInsertion(paths: readonly string[], before: readonly string[], added: string): boolean {
  if (paths.length !== before.length + 1) return false;
  let at = 0;
  for (const path of paths) {
    if (path === added) continue;
    if (before[at] !== path) return false;
    at += 1;
  }
  return at === before.length;
}
