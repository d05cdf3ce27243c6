/**
 * Worker-thread entry for rendering pages that show articles. The build's
 * shared render input (config, templates, the site's articles, sections,
 * menus, data files, image sizes, the image sources read, plugins' data)
 * arrives once as the pool's `workerData`; plugins' helpers are loaded from
 * the config file, once, before the first batch. Each task is a batch of
 * pages (see `PageBatch`), answered with their HTML bytes packed in one
 * buffer that is moved, not copied, back.
 */
import { move, workerData } from 'piscina';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import type { SourceImage } from '../images/source-image.js';
import type { PrecompiledTemplates } from '../render/compile-templates.js';
import { compileRenderer } from '../render/create-renderer.js';
import type { TemplateSource } from '../render/read-theme-files.js';
import type { ImageSizes } from '../site/image-size.js';
import type { Page, SiteArticle, SiteMenus, Term } from '../site/site.js';
import { decodePages, type PageBatch, packContents } from './page-batch.js';
import { createPageRenderer } from './page-renderer.js';
import { createSiteCatalog } from './site-catalog.js';

/** What every render worker of a build shares. */
export interface RenderSetup {
  readonly config: ResolvedConfig;
  readonly templates: readonly TemplateSource[];
  /** The main thread's compiled templates' code: a worker does not parse and check them again. */
  readonly precompiled: PrecompiledTemplates;
  readonly strings: Readonly<Record<string, string>>;
  /** The site's articles, in order: batches name them by index (see `PageBatch`). */
  readonly articles: readonly SiteArticle[];
  readonly sections: readonly Term[];
  readonly menus: SiteMenus;
  readonly dataFiles: Readonly<Record<string, unknown>>;
  readonly imageSizes: ImageSizes;
  /** What was read of each local image (see `createSiteCatalog`); absent when the build has no image catalog. */
  readonly imageSources?: ReadonlyMap<string, SourceImage> | undefined;
  /** Data from plugins' `siteModel` hooks (`site.data`). */
  readonly siteData: Readonly<Record<string, unknown>>;
}

/** A template failure in a worker, as plain data (an error's own fields do not survive the thread boundary). */
export interface RenderFailure {
  readonly error: {
    readonly message: string;
    readonly code: string;
    readonly file: string | undefined;
    readonly place: unknown;
    readonly hint: string | undefined;
  };
}

const setup = workerData as RenderSetup;
/** The bodies of the batch being rendered: a worker renders one batch at a time. */
const batchBodies = new Map<string, string>();
// Made once per thread, before the first batch: plugins' helpers must be loaded first.
let ready: Promise<(page: Page) => string> | undefined;

async function createRender(): Promise<(page: Page) => string> {
  const withHelpers = setup.config.plugins.some((plugin) => plugin.helpers);
  const helpers = withHelpers
    ? (await (await import('../plugins/load-plugins.js')).loadPlugins(setup.config, 'a render thread')).helpers
    : [];
  const renderer = compileRenderer(
    { templates: setup.templates, assets: [] },
    { themeDir: setup.config.themeDir, templatesDir: setup.config.templatesDir, strings: setup.strings, helpers },
    setup.precompiled,
  );
  return createPageRenderer({
    config: setup.config,
    renderer,
    sections: setup.sections,
    menus: setup.menus,
    dataFiles: setup.dataFiles,
    imageSizes: setup.imageSizes,
    images: setup.imageSources && createSiteCatalog(setup.config, setup.imageSources),
    siteData: setup.siteData,
    bodies: {
      html: (article) => batchBodies.get(article.sourcePath) ?? missingBody(article.sourcePath),
      digest: (article) => missingBody(article.sourcePath),
    },
  });
}

function missingBody(sourcePath: string): never {
  throw new Error(`Internal: the body of ${sourcePath} was not sent with its page batch`);
}

/** Renders a batch of pages; template and plugin errors come back as a {@link RenderFailure}. */
export default async function renderPages(batch: PageBatch): Promise<unknown> {
  try {
    const render = await (ready ??= createRender());
    batchBodies.clear();
    for (const [sourcePath, html] of Object.entries(batch.bodies)) batchBodies.set(sourcePath, html);
    return move(packContents(decodePages(batch, setup.articles).map(render)));
  } catch (error) {
    if (!isNewsgenError(error)) throw error;
    const failure: RenderFailure = {
      error: { message: error.message, code: error.code, file: error.file, place: error.place, hint: error.hint },
    };
    return failure;
  }
}
