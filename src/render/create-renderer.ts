import Handlebars from 'handlebars';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { OutputFile } from '../output/output-file.js';
import type { PageView } from '../view/view-model.js';
import {
  type CompiledTemplate,
  compileTemplates,
  findFailedTemplate,
  type PrecompiledTemplates,
} from './compile-templates.js';
import { type HandlebarsEnvironment, registerHelpers } from './helpers.js';
import { fingerprintTheme } from './load-theme.js';
import { minifyThemeAssets } from './minify-theme-assets.js';
import { type PartialLayer, readThemeFiles, type ThemeFiles } from './read-theme-files.js';
import { registerPluginHelpers, type TemplateHelper } from './register-plugin-helpers.js';
import { findTemplateErrorPlace } from './template-error-place.js';

/** Turns page views into HTML with one compiled theme. Built once per build. */
export interface Renderer {
  /** The full HTML document for one page. Throws `NewsgenError` `template-render` on template failures. */
  render(view: PageView): string;
  /**
   * Theme assets to copy to the output (`assets/newsgen.css`, …), site
   * overrides applied; the built-in stylesheets and scripts minified. Made on
   * first use: a build that writes no asset never loads the minifier.
   */
  readonly assets: readonly OutputFile[];
  /** The output paths of {@link assets}, known without minifying anything. */
  readonly assetPaths: readonly string[];
  /** Hash of every template, asset and UI string: pages only need re-rendering when it changes. */
  readonly fingerprint: string;
  /** The code generated for each template: given back to `compileRenderer` with the same templates, it skips parsing and checking. */
  readonly precompiled: PrecompiledTemplates;
  /** Names of the page templates (not partials), which a standalone page's `layout` may name. */
  readonly templateNames: readonly string[];
  /**
   * The markup of one checked component (`::youtube`, `:::gallery`, …) from
   * the partial `partials/embeds/<name>.hbs`, surrounding whitespace trimmed.
   * Throws `NewsgenError` when the theme has no such partial or it fails.
   */
  renderComponent(name: string, props: Readonly<Record<string, unknown>>): string;
}

/** Where the renderer reads its templates from. */
export interface RendererInput {
  /** The built-in theme folder (`THEME_DIR` from the config module). */
  readonly themeDir: string;
  /** The site's `templates/` folder; its files replace theme files with the same relative path. */
  readonly templatesDir: string | undefined;
  /** UI strings for the `t` helper (locale defaults plus config overrides). */
  readonly strings: Readonly<Record<string, string>>;
  /** Plugins' partials, laid between the theme and the site's templates (read by `createRenderer`). @default none */
  readonly partials?: readonly PartialLayer[];
  /** Plugins' helpers, registered after newsgen's own. @default none */
  readonly helpers?: readonly TemplateHelper[];
}

const LAYOUT = 'layout';
/** Where the partials of the content components live, under `partials/`. */
const COMPONENTS_FOLDER = 'embeds/';
/** Page template names; each is chosen by the view's `kind` and wrapped in `layout`. */
const PAGE_KINDS = [
  'article',
  'home',
  'list',
  'terms',
  'not-found',
  'page',
  'search',
] as const satisfies readonly PageView['kind'][];

/**
 * Reads the theme (and the site's overrides), compiles every template once in
 * its own Handlebars environment and checks them, so template mistakes fail
 * the build before any page is rendered. This is the render stage's only I/O.
 */
export async function createRenderer(input: RendererInput): Promise<Renderer> {
  return compileRenderer(await readThemeFiles(input.themeDir, input.templatesDir, undefined, input.partials), input);
}

/**
 * Compiles read theme files into a renderer (see {@link createRenderer}).
 * `precompiled`: a renderer's `precompiled` from the same templates (the build
 * cache keeps it, so a rebuild does not parse and check every template again).
 */
export function compileRenderer(files: ThemeFiles, input: RendererInput, precompiled?: PrecompiledTemplates): Renderer {
  const hbs = Handlebars.create();
  registerHelpers(hbs, input.strings);
  registerPluginHelpers(hbs, input.helpers ?? []);
  const compiled = compileTemplates(hbs, files.templates, precompiled);
  const templates = compiled.templates;
  const layout = requireTemplate(templates, LAYOUT, input.themeDir);
  const pages = new Map<string, CompiledTemplate>(
    PAGE_KINDS.map((kind) => [kind, requireTemplate(templates, kind, input.themeDir)]),
  );
  let assets: readonly OutputFile[] | undefined;
  return {
    get assets() {
      return (assets ??= minifyThemeAssets(files.assets));
    },
    assetPaths: files.assets.map((asset) => asset.path),
    fingerprint: fingerprintTheme(files, input.strings),
    precompiled: compiled.precompiled,
    // A standalone page names its template (`layout:`, checked against the theme when the site is modelled).
    templateNames: [...templates.keys()],
    renderComponent: (name, props) => renderComponent(hbs, files, name, props),
    render(view) {
      const name = view.kind === 'page' ? view.layout : view.kind;
      const page = pages.get(name) ?? requireTemplate(templates, name, input.themeDir);
      const content = renderWith(page, view, view);
      return renderWith(layout, { ...view, content }, view);
    },
  };
}

function requireTemplate(
  templates: ReadonlyMap<string, CompiledTemplate>,
  name: string,
  themeDir: string,
): CompiledTemplate {
  const template = templates.get(name);
  if (template) return template;
  throw new NewsgenError(`Missing template ${name}.hbs in ${themeDir}`, {
    code: 'template-missing',
    file: themeDir,
    hint: `Every theme needs ${[LAYOUT, ...PAGE_KINDS].map((n) => `${n}.hbs`).join(', ')}.`,
  });
}

function renderComponent(
  hbs: HandlebarsEnvironment,
  files: ThemeFiles,
  name: string,
  props: Readonly<Record<string, unknown>>,
): string {
  const partialName = `${COMPONENTS_FOLDER}${name}`;
  const partial = hbs.partials[partialName] as unknown;
  const source = files.templates.find((template) => template.name === `partials/${partialName}`);
  if (typeof partial !== 'function' || !source)
    throw new NewsgenError(`Missing partial partials/${partialName}.hbs for the ::${name} component`, {
      code: 'template-missing-partial',
      hint: `Add partials/${partialName}.hbs to your templates folder (copy it from newsgen's built-in theme).`,
    });
  try {
    return String((partial as (context: unknown) => unknown)(props)).trim();
  } catch (caught) {
    const { file, error } = findFailedTemplate(caught, source.file);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NewsgenError(`Template ${file} failed to render a ::${name} component: ${message}`, {
      code: 'template-render',
      file,
      place: findTemplateErrorPlace(error, ''),
      cause: error,
      hint: 'Check the fields this partial reads (see "Components" in the README).',
    });
  }
}

function renderWith(template: CompiledTemplate, context: unknown, view: PageView): string {
  try {
    return template.render(context);
  } catch (caught) {
    // The partial that failed, not the page template or layout that called it.
    const { file, error } = findFailedTemplate(caught, template.file);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NewsgenError(`Template ${file} failed to render ${view.page.url}: ${message}`, {
      code: 'template-render',
      file,
      place: findTemplateErrorPlace(error, ''),
      cause: error,
      hint: 'Check the helpers and partials this template uses and the fields it reads.',
    });
  }
}
