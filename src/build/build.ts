import { performance } from 'node:perf_hooks';
import { imageSizeFromFile } from 'image-size/fromFile';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { loadContent } from '../content/load-content.js';
import type { Logger } from '../logger/create-logger.js';
import { formatBuildSummary } from '../logger/format-build-summary.js';
import { formatDuration } from '../logger/format-duration.js';
import { resolveStrings } from '../i18n/strings.js';
import { createMarkdownProcessor } from '../markdown/create-processor.js';
import { checkOutDir } from '../output/check-out-dir.js';
import { listStaticFiles } from '../output/list-static-files.js';
import { runBounded } from '../output/run-bounded.js';
import { writeOutput } from '../output/write-output.js';
import { createRenderer } from '../render/create-renderer.js';
import type { ImageSize } from '../syndication/image-size.js';
import { generateSite, type GeneratedSite, type StaticInfo } from './generate-site.js';

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
  const staticInfo = await time('static', () => readStaticInfo(config.staticDir));
  const generated: GeneratedSite = await time('generate', () => generateSite(config, sources, createMarkdownProcessor(), renderer, staticInfo));
  await time('write', () => writeOutput({ outDir: config.outDir, files: generated.files, staticDir: config.staticDir }));
  const durationMs = performance.now() - started;
  const result = { articles: generated.site.articles.length, pages: generated.site.pages.length, files: generated.files.length, durationMs };
  logger.info(formatBuildSummary(result));
  return result;
}

/** Image files whose size is measured for `width`/`height` and Open Graph. */
const IMAGE_FILE = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/**
 * Reads what the pure stages need to know about the static folder: its output
 * paths, and the pixel size of every image (a file that cannot be measured
 * simply has no known size).
 */
async function readStaticInfo(staticDir: string): Promise<StaticInfo> {
  const files = await listStaticFiles(staticDir);
  const imageSizes = new Map<string, ImageSize>();
  await runBounded(
    files.filter((file) => IMAGE_FILE.test(file.path)),
    16,
    async (file) => {
      const size = await imageSizeFromFile(file.source).catch(() => undefined);
      if (size?.width && size.height) imageSizes.set(`/${file.path}`, { width: size.width, height: size.height });
    },
  );
  return { imageSizes, paths: new Set(files.map((file) => file.path)) };
}
