import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createBodyStore } from '../bodies/article-bodies.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { createDisplayPaths, listMarkdownFiles } from '../content/load-content.js';
import type { SourceFile } from '../content/source-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import { resolveStrings } from '../i18n/strings.js';
import type { Logger } from '../logger/create-logger.js';
import type { Progress } from '../logger/progress.js';
import { measureStaticImages, readStaticListing } from '../pipeline/read-static-info.js';
import { planOutputs } from '../plan/plan-outputs.js';
import { collectResults } from '../process/collect-results.js';
import { type Concurrency, processInParallel } from '../process/process-in-parallel.js';
import type { ProcessedSource } from '../process/process-source.js';
import { createRenderer } from '../render/create-renderer.js';
import type { StageTiming } from '../report/build-report.js';
import { buildSite } from '../site/build-site.js';
import { findImageSize } from '../site/image-size.js';
import { checkNews } from './check-news.js';
import { placeNewsFindings } from './place-news-findings.js';

/** What `newsgen check` found. */
export interface CheckResult {
  readonly articles: number | undefined;
  readonly pages: number | undefined;
  /** Every problem, errors and warnings, of every stage that ran. */
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: readonly StageTiming[];
}

/** How `check` runs. */
export interface CheckOptions {
  readonly logger: Logger;
  readonly progress: Progress;
  readonly concurrency: Concurrency;
}

/**
 * Runs every stage a build runs except the write stage, then the news
 * checks, and collects every problem instead of stopping at the first
 * stage that has one. Reads the content, templates and static folder;
 * writes nothing at all (not even the build cache).
 */
export async function runCheck(config: ResolvedConfig, options: CheckOptions): Promise<CheckResult> {
  const timings: StageTiming[] = [];
  const time = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings.push({ stage, ms: Math.round(performance.now() - start) });
    }
  };
  const sources = await time('load', () => readSources(config));
  options.progress.start('markdown', 'files', sources.length);
  const results = await time('markdown', () =>
    processInParallel(
      sources,
      { timeZone: config.timeZone },
      options.concurrency,
      {},
      {
        keep: (result) => {
          options.progress.advance();
          return result;
        },
      },
    ),
  );
  const bodies = createBodyStore();
  const content = collectResults(
    sources.map((source, index) => {
      const { result, html } = results[index] as ProcessedSource;
      if (result.kind === 'article' && html !== undefined) bodies.keep(source.path, html);
      return { source, result };
    }),
  );
  const diagnostics: Diagnostic[] = [...content.diagnostics];
  const staticListing = await time('static', () => readStaticListing(config.staticDir));
  const imageSizes = await time('images', () => measureStaticImages(staticListing.files));
  const findings = checkNews(content.articles, {
    now: config.now,
    drafts: config.drafts,
    future: config.future,
    imageWidth: (src) => findImageSize(imageSizes, src)?.width,
  });
  diagnostics.push(...(await time('news', () => placeNewsFindings(findings, config))));
  const renderer = await time('templates', () =>
    collect(diagnostics, () =>
      createRenderer({
        themeDir: config.themeDir,
        templatesDir: config.templatesDir,
        strings: resolveStrings(config.locale, config.strings),
      }),
    ),
  );
  const displayPaths = new Map(sources.map((source) => [source.path, source.displayPath]));
  const modelled = await time('model', () =>
    buildSite(
      content.articles,
      content.profiles,
      config,
      (article) => displayPaths.get(article.sourcePath) ?? article.sourcePath,
    ),
  );
  diagnostics.push(...modelled.diagnostics);
  if (renderer && !diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    options.progress.start('render', 'pages', modelled.site.pages.length);
    await time('render', () =>
      collect(diagnostics, async () => {
        const staticInfo = { imageSizes, paths: staticListing.paths };
        const input = { site: modelled.site, config, renderer, staticInfo, previous: new Map(), settings: '', bodies };
        for await (const output of planOutputs(input)) if (output.page) options.progress.advance();
      }),
    );
  }
  options.progress.stop();
  return { articles: modelled.site.articles.length, pages: modelled.site.pages.length, diagnostics, timings };
}

async function readSources(config: ResolvedConfig): Promise<SourceFile[]> {
  const displayPathOf = createDisplayPaths(config.contentDir, config.root);
  const files = await listMarkdownFiles(config.contentDir);
  return Promise.all(
    files.sort().map(async (relPath) => ({
      path: relPath,
      displayPath: displayPathOf(relPath),
      bytes: new Uint8Array(await readFile(path.join(config.contentDir, relPath))),
    })),
  );
}

/** Runs a stage whose failure is a NewsgenError, keeping its diagnostics (or itself as one) instead of stopping. */
async function collect<T>(diagnostics: Diagnostic[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (!isNewsgenError(error)) throw error;
    if (error.diagnostics.length > 0) diagnostics.push(...error.diagnostics);
    else
      diagnostics.push({
        file: error.file ?? '(templates)',
        ...(error.place ? { place: error.place } : {}),
        severity: 'error',
        reason: error.message,
        ruleId: error.code,
        ...(error.hint ? { hint: error.hint } : {}),
      });
    return undefined;
  }
}
