import type { ResolvedConfig } from '../config/resolved-config.js';
import type { SourceFile } from '../content/source-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { OutputFile } from '../output/output-file.js';
import { planOutputs, type StaticInfo } from '../plan/plan-outputs.js';
import { collectResults } from '../process/collect-results.js';
import { processSource } from '../process/process-source.js';
import type { Renderer } from '../render/create-renderer.js';
import { buildSite } from '../site/build-site.js';
import type { Site } from '../site/site.js';

export type { StaticInfo } from '../plan/plan-outputs.js';

/** What a generated site consists of, before anything is written. */
export interface GeneratedSite {
  readonly site: Site;
  readonly files: readonly OutputFile[];
  readonly warnings: readonly Diagnostic[];
}

/**
 * The pure middle of a build, all in memory: content files in, output files
 * out (parse → validate → markdown → model → render). Every content problem
 * of every file is collected; if there is any, a NewsgenError carrying all of
 * them is thrown and nothing is produced. Tests build whole sites with it.
 */
export function generateSite(
  config: ResolvedConfig,
  sources: readonly SourceFile[],
  processor: MarkdownProcessor,
  renderer: Renderer,
  staticInfo: StaticInfo = {},
): Promise<GeneratedSite> {
  const content = collectResults(
    sources.map((source) => ({ source, result: processSource(source, { timeZone: config.timeZone }, processor) })),
  );
  return modelAndRender(config, sources, content, renderer, staticInfo);
}

/** The whole-site stages after the per-file ones: model, then render every output. */
export async function modelAndRender(
  config: ResolvedConfig,
  sources: readonly Pick<SourceFile, 'path' | 'displayPath'>[],
  content: ReturnType<typeof collectResults>,
  renderer: Renderer,
  staticInfo: StaticInfo,
): Promise<GeneratedSite> {
  failOnErrors(content.diagnostics, 'content');
  const displayPaths = new Map(sources.map((source) => [source.path, source.displayPath]));
  const { site, diagnostics } = buildSite(
    content.articles,
    content.profiles,
    config,
    (article) => displayPaths.get(article.sourcePath) ?? article.sourcePath,
  );
  failOnErrors(diagnostics, 'content');
  const files: OutputFile[] = [];
  for await (const output of planOutputs({ site, config, renderer, staticInfo, previous: new Map(), settings: '' })) {
    if (output.contents !== undefined) files.push({ path: output.path, contents: output.contents });
  }
  return { site, files, warnings: [] };
}
