import { readFile } from 'node:fs/promises';
import { hashBytes } from '../hash/hash-bytes.js';
import { resolveOutputPath } from '../output/resolve-output-path.js';
import { wrapIoError } from '../output/wrap-io-error.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import { buildSearchIndex, type IndexedPage } from '../search/build-search-index.js';
import { extractSearchHtml } from '../search/search-html.js';
import { isSearchIndexFile, listSearchPages, type SearchPage } from '../search/search-pages.js';
import type { Site } from '../site/site.js';
import type { RenderPlan } from './render-plan.js';
import type { SessionContext } from './session-memory.js';

/**
 * The `search` stage (with `search: true`): the plan's outputs, then the
 * Pagefind index of the site's articles and standalone pages (`pagefind/…`),
 * built once every page has been rendered and written like any other
 * output: staged with the rest, listed in `--changes`, its stale files
 * deleted. The index covers every such page of the site, whatever the plan
 * rendered: a page a warm build keeps as it was is read back from the output
 * folder (which holds this session's last build), so a warm build gives the
 * bytes a cold one does. A dry run indexes nothing; a build that defers the
 * index (a preview's rebuild, see `BuildMode.deferSearch`) keeps the last one.
 */
export function indexSearch(context: SessionContext, site: Site, plan: RenderPlan, dryRun: boolean): RenderPlan {
  if (!context.config.search || dryRun) return plan;
  // Deferred into a folder the last build wrote: its index stays (a partial plan keeps what it does not plan).
  if (context.deferSearch && plan.incremental) {
    context.options.logger.debug('search    deferred: the last index stays, and the next build updates it');
    return plan.partial
      ? { ...plan, searchDeferred: true }
      : { ...plan, outputs: withKeptIndex(context, plan), searchDeferred: true };
  }
  const stale: string[] = [];
  return {
    ...plan,
    outputs: withSearchIndex(context, listSearchPages(site.pages), plan, stale),
    // Known once the index is built: a partial plan deletes the last index's files this one has not.
    staleOutputs: () => [...(plan.staleOutputs?.() ?? []), ...stale],
  };
}

async function* withSearchIndex(
  context: SessionContext,
  pages: readonly SearchPage[],
  plan: RenderPlan,
  stale: string[],
): AsyncGenerator<PlannedOutput> {
  const { config } = context;
  const lang = new Intl.Locale(config.locale).language;
  const wanted = new Set(pages.map((page) => page.path));
  const rendered = new Map<string, string | undefined>();
  for await (const output of plan.outputs) {
    if (output.contents !== undefined && wanted.has(output.path))
      rendered.set(output.path, extractSearchHtml(textOf(output.contents), lang));
    yield output;
  }
  const started = performance.now();
  const indexed: IndexedPage[] = [];
  for (const page of pages) {
    const html = rendered.has(page.path) ? rendered.get(page.path) : await readKept(config.outDir, page.path, lang);
    if (html !== undefined) indexed.push({ url: `${config.basePath}${page.url.slice(1)}`, html });
  }
  const files = await buildSearchIndex(indexed, lang);
  context.options.logger.debug(
    `search    ${indexed.length} pages indexed into ${files.length} files (${Math.round(performance.now() - started)} ms)`,
  );
  const paths = new Set<string>();
  for (const file of files) {
    const fingerprint = hashBytes(file.contents);
    paths.add(file.path);
    plan.fingerprints.set(file.path, fingerprint);
    yield { path: file.path, fingerprint, contents: file.contents };
  }
  if (plan.partial)
    for (const path of context.memory.outputs.outputs.keys())
      if (isSearchIndexFile(path) && !paths.has(path)) stale.push(path);
}

/** The plan's outputs, then the last build's search index files, kept as they are. */
async function* withKeptIndex(context: SessionContext, plan: RenderPlan): AsyncGenerator<PlannedOutput> {
  yield* plan.outputs;
  for (const [path, fingerprint] of context.memory.outputs.fingerprints)
    if (isSearchIndexFile(path)) {
      plan.fingerprints.set(path, fingerprint);
      yield { path, fingerprint, contents: undefined };
    }
}

/** The search part of a page the plan kept as the last build wrote it. */
async function readKept(outDir: string, path: string, lang: string): Promise<string | undefined> {
  const file = resolveOutputPath(outDir, path);
  const html = await readFile(file, 'utf8').catch((error: unknown) => {
    throw wrapIoError(error, 'read', file);
  });
  return extractSearchHtml(html, lang);
}

function textOf(contents: string | Uint8Array): string {
  return typeof contents === 'string' ? contents : Buffer.from(contents).toString('utf8');
}
