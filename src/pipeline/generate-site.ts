import { createBodyStore } from '../bodies/article-bodies.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { ArticleBodies } from '../content/article.js';
import type { SourceFile } from '../content/source-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { applyStrict } from '../diagnostics/strict.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { OutputFile } from '../output/output-file.js';
import { planOutputs, type StaticInfo } from '../plan/plan-outputs.js';
import { collectResults } from '../process/collect-results.js';
import { createArticleCheckOptions, processSource } from '../process/process-source.js';
import type { Renderer } from '../render/create-renderer.js';
import { buildSite } from '../site/build-site.js';
import { checkLayouts } from '../site/check-layouts.js';
import { checkLinks } from '../site/check-links.js';
import type { Site } from '../site/site.js';

/** What a generated site consists of, before anything is written. */
export interface GeneratedSite {
  readonly site: Site;
  readonly files: readonly OutputFile[];
  /** Every article's body HTML. */
  readonly bodies: ArticleBodies;
  /** Warnings about the content (errors are thrown). */
  readonly warnings: readonly Diagnostic[];
}

/**
 * The pure middle of a build, all in memory: content files in, output files
 * out (parse → validate → markdown → model → render), with the same stage
 * functions a build session runs, minus the I/O edges, threads and cache.
 * Every content problem of every file is collected; if there is any, a
 * NewsgenError carrying all of them is thrown and nothing is produced.
 * Tests build whole sites with it.
 */
export async function generateSite(
  config: ResolvedConfig,
  sources: readonly SourceFile[],
  processor: MarkdownProcessor,
  renderer: Renderer,
  staticInfo: StaticInfo = {},
): Promise<GeneratedSite> {
  const bodies = createBodyStore();
  const sourceOptions = createArticleCheckOptions(config.timeZone);
  const results = sources.map((source) => {
    const { result, html } = processSource(source, sourceOptions, processor);
    if (html !== undefined) bodies.keep(source.path, html);
    return { source, result };
  });
  const content = collectResults(results);
  failOnErrors(applyStrict(content.diagnostics, config.strict), 'content');
  const displayPaths = new Map(sources.map((source) => [source.path, source.displayPath]));
  const displayPathOf = (item: { readonly sourcePath: string }) => displayPaths.get(item.sourcePath) ?? item.sourcePath;
  const modelled = buildSite(content.articles, content.profiles, config, displayPathOf, content.pages);
  const { site } = modelled;
  const diagnostics = [
    ...modelled.diagnostics,
    ...checkLayouts(site.pages, renderer.templateNames, displayPathOf),
    ...checkLinks({ site, staticPaths: staticInfo.paths, config, displayPathOf }),
  ];
  failOnErrors(applyStrict(diagnostics, config.strict), 'content');
  const files: OutputFile[] = [];
  for await (const output of planOutputs({
    site,
    config,
    renderer,
    staticInfo,
    previous: new Map(),
    settings: '',
    bodies,
  })) {
    if (output.contents !== undefined) files.push({ path: output.path, contents: output.contents });
  }
  const warnings = [...content.diagnostics, ...diagnostics].filter((diagnostic) => diagnostic.severity === 'warning');
  return { site, files, bodies, warnings };
}
