import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { loadContent } from '../content/load-content.js';
import type { Logger } from '../logger/create-logger.js';
import { formatBuildSummary } from '../logger/format-build-summary.js';
import { formatDuration } from '../logger/format-duration.js';
import { resolveStrings } from '../i18n/strings.js';
import { createMarkdownProcessor } from '../markdown/create-processor.js';
import { checkOutDir } from '../output/check-out-dir.js';
import { writeOutput } from '../output/write-output.js';
import { createRenderer } from '../render/create-renderer.js';
import { generateSite, type GeneratedSite } from './generate-site.js';

/** What a finished build reports. */
export interface BuildResult {
  readonly articles: number;
  readonly pages: number;
  readonly files: number;
  readonly durationMs: number;
}

/**
 * A whole build: check the output folder, load content, generate the site in
 * memory, then write it atomically. Each stage is timed at debug level. Throws
 * NewsgenError (with every diagnostic) on bad input; the previous output is
 * then left exactly as it was.
 */
export async function build(config: ResolvedConfig, deps: { logger: Logger }): Promise<BuildResult> {
  const { logger } = deps;
  const started = performance.now();
  const time = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const stageStart = performance.now();
    const value = await run();
    logger.debug(`${stage.padEnd(9)} ${formatDuration(performance.now() - stageStart)}`);
    return value;
  };
  checkOutDir({ root: config.root, outDir: config.outDir, protectedDirs: [config.contentDir, config.staticDir, ...(config.templatesDir ? [config.templatesDir] : []), config.themeDir] });
  const sources = await time('load', () => loadContent(config.contentDir, config.root));
  const renderer = await time('templates', () => createRenderer({ themeDir: config.themeDir, templatesDir: config.templatesDir, strings: resolveStrings(config.locale, config.strings) }));
  const generated: GeneratedSite = await time('generate', () => generateSite(config, sources, createMarkdownProcessor(), renderer));
  await time('write', () => writeOutput({ outDir: config.outDir, files: generated.files, staticDir: config.staticDir }));
  const durationMs = performance.now() - started;
  const result = { articles: generated.site.articles.length, pages: generated.site.pages.length, files: generated.files.length, durationMs };
  logger.info(formatBuildSummary(result));
  return result;
}
