import path from 'node:path';
import type { Article } from '../content/article.js';
import { createDisplayPaths, toDisplayPath } from '../content/load-content.js';
import { isPluginPagePath } from '../content/standalone-page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { applyStrict } from '../diagnostics/strict.js';
import { patchArticles } from '../incremental/patch-articles.js';
import type { PublishedSite } from '../incremental/patch-publish.js';
import type { PluginSiteData } from '../plugins/run-plugin-hooks.js';
import { collectResults } from '../process/collect-results.js';
import { buildSite } from '../site/build-site.js';
import { checkLayouts } from '../site/check-layouts.js';
import { checkLinks, pageOutputPath } from '../site/check-links.js';
import { checkFutureUpdates } from '../site/check-live-updates.js';
import { renewTermWarnings } from '../site/check-term-names.js';
import type { Page, Site, SiteArticle, SiteIndexes } from '../site/site.js';
import { detectPublish } from './detect-publish.js';
import { failOnContentErrors } from './fail-on-content-errors.js';
import type { ProcessedContent } from './process-content.js';
import type { BuildInputs } from './read-inputs.js';
import type { LastModel, SessionContext } from './session-memory.js';

/** The site model of one build, and how it was made. */
export interface SiteModel {
  readonly site: Site;
  /** The term indexes the site's terms came from (kept for a later publish patch). */
  readonly indexes: SiteIndexes;
  /** Present when the model is the last build's with one newest article added or removed (see `patchPublish`). */
  readonly publish: PublishedSite | undefined;
  /**
   * True when the last build's model was brought up to date in place (the
   * change kept the site's structure: see `patchArticles`), so every page
   * and dependency of the last build still holds.
   */
  readonly patched: boolean;
  /** Present when only article bodies changed: the only pages that can differ (besides feeds). */
  readonly bodyOnly: ReadonlySet<Page> | undefined;
  /** Every article of the content, published or not (undefined for a patched model: its dates did not change). */
  readonly articles: readonly Article[] | undefined;
  /** Warnings about the content and the model (errors are thrown). */
  readonly warnings: readonly Diagnostic[];
  /** The warnings the model itself found (not one file's), kept for a later patch of it. */
  readonly modelWarnings: readonly Diagnostic[];
  /** Every output path a link or image of the site could resolve to (see `checkLinks`' `lookups`); a later patch adds to it. */
  readonly lookups: Set<string> | undefined;
  /** What plugins' `siteModel` hooks gave templates (see `addSiteData`); none until then. */
  readonly siteData?: PluginSiteData;
}

/**
 * The `model` stage: the site from every content result, or the last
 * build's site patched in place when only fields that keep its structure
 * changed. Content errors of every file are thrown together here, before
 * anything is rendered or written.
 */
export function modelSite(context: SessionContext, inputs: BuildInputs, processed: ProcessedContent): SiteModel {
  const { memory, config } = context;
  // Taken, not peeked: a build that fails after this point leaves no model to patch,
  // so the next build models everything (the results may already hold its changes).
  const previous = memory.lastModel;
  memory.lastModel = undefined;
  const structureKept =
    previous &&
    processed.stale.length > 0 &&
    previous.settings === inputs.settings &&
    previous.pathsHash === memory.order?.hash;
  const patched = structureKept
    ? patchArticles(
        previous.site,
        processed.stale.map((entry) => [
          processed.before.get(entry.source.path),
          memory.results.get(entry.source.path)?.result,
        ]),
      )
    : undefined;
  const check = createModelChecks(context, inputs);
  if (patched && previous) {
    // An edited body may add or mend a link of its own; the site's pages are the same, so every other
    // reference resolves as before: only the edited articles' links are checked (all, when not known).
    const links = previous.lookups
      ? check.links(patched.site, patched.articles, previous.lookups)
      : check.links(patched.site);
    const linkWarnings = previous.lookups
      ? mergeLinkWarnings(patched.site, previous.modelWarnings, links.warnings, patched.articles, check.displayPathOf)
      : links.warnings;
    const renewed = renewTermWarnings(previous, patched.site.articles, check.displayPathOf);
    const modelWarnings = [...withoutLinks(renewed), ...linkWarnings];
    return {
      ...check.finish(modelWarnings, patched.site),
      site: patched.site,
      indexes: previous.indexes,
      publish: undefined,
      patched: true,
      bodyOnly: patched.pages,
      articles: undefined,
      lookups: links.lookups,
    };
  }
  const published = previous && !structureKept ? detectPublish(context, inputs, processed, previous) : undefined;
  if (published && previous) return modelPublished(context, check, previous, published);
  const content = collectResults([
    ...inputs.sorted.flatMap((entry) => {
      const cached = memory.results.get(entry.source.path);
      return cached ? [{ source: entry.source, result: cached.result }] : [];
    }),
    ...memory.pluginPages,
  ]);
  const contentDiagnostics = applyStrict(content.diagnostics, config.strict);
  const shownStatic = (file: string) => toDisplayPath(path.join(config.staticDir, file), config.root);
  const modelled = buildSite(content.articles, content.profiles, config, check.displayPathOf, content.pages, {
    paths: inputs.staticListing.paths,
    shown: shownStatic,
    hostRedirects: inputs.staticListing.hostRedirects,
  });
  const templateNames = inputs.theme.files.templates.map((template) => template.name);
  failOnContentErrors(contentDiagnostics, () => [
    ...modelled.diagnostics,
    ...checkLayouts(modelled.site.pages, templateNames, check.displayPathOf),
  ]);
  const links = check.links(modelled.site);
  const diagnostics = [
    ...modelled.diagnostics,
    ...checkLayouts(modelled.site.pages, templateNames, check.displayPathOf),
    ...links.warnings,
  ];
  const clockWarnings = check.clock(modelled.site);
  failOnErrors(applyStrict([...diagnostics, ...clockWarnings], config.strict), 'content');
  const isWarning = (found: Diagnostic) => found.severity === 'warning';
  const modelWarnings = diagnostics.filter(isWarning);
  const warnings = [...content.diagnostics.filter(isWarning), ...modelWarnings, ...clockWarnings];
  return {
    site: modelled.site,
    indexes: modelled.indexes,
    publish: undefined,
    patched: false,
    bodyOnly: undefined,
    articles: content.articles,
    warnings,
    modelWarnings,
    lookups: links.lookups,
  };
}

type ModelChecks = ReturnType<typeof createModelChecks>;

/** What every way of making the model checks with: display paths, the link check, and the warnings of every file. */
function createModelChecks({ memory, config, options }: SessionContext, inputs: BuildInputs) {
  // As the listing shows each file (see `loadSources`), worked out from its path: a model of 10,000
  // articles asks tens of thousands of times, mostly for claims and owners no message will name.
  const displayPathOfFile = createDisplayPaths(config.contentDir, config.root);
  // A plugin's page is named as it is (`plugin "pilkada" /pilkada/jawa-tengah/`): it has no file.
  const displayPathOf = ({ sourcePath }: { readonly sourcePath: string }) =>
    isPluginPagePath(sourcePath) ? sourcePath : displayPathOfFile(sourcePath);
  // What references could resolve to is kept for a next build's patch: a session of one build keeps nothing.
  const links = (site: Site, only?: readonly SiteArticle[], into = options.once ? undefined : new Set<string>()) => {
    const warnings = checkLinks({
      site,
      staticPaths: inputs.staticListing.paths,
      config,
      displayPathOf,
      ...(into ? { lookups: into } : {}),
      ...(only ? { only } : {}),
    });
    return { warnings, lookups: into };
  };
  // What depends on the build's clock is worked out anew by every build, never kept for a patch.
  const clock = (site: Site) => checkFutureUpdates(site.articles, config.now.getTime(), displayPathOf);
  /** The model's warnings with every file's and the clock's for `site`, thrown when any is an error. */
  const finish = (modelWarnings: readonly Diagnostic[], site: Site) => {
    const fileWarnings = [...memory.results.values(), ...memory.pluginPages].flatMap(({ result }) =>
      result.kind === 'failed' ? [] : (result.warnings ?? []),
    );
    const warnings = [...fileWarnings, ...modelWarnings, ...clock(site)];
    failOnErrors(applyStrict(warnings, config.strict), 'content');
    return { warnings, modelWarnings };
  };
  return { displayPathOf, links, clock, finish };
}

/**
 * The model of a publish patch (see `patchPublish`), its links checked as
 * narrowly as is exact: pages added or removed where no reference of the
 * site looks change no other reference's outcome, so only the new article's
 * own links are checked (a removed article's warnings go); else every link is.
 */
function modelPublished(
  context: SessionContext,
  check: ModelChecks,
  previous: LastModel,
  published: PublishedSite,
): SiteModel {
  const { article } = published;
  const looked = (url: string) => previous.lookups?.has(pageOutputPath(url)) !== false;
  const ownFile = check.displayPathOf(article);
  const narrow = previous.lookups !== undefined && !published.added.some(looked) && !published.removed.some(looked);
  const checked = narrow && published.change === 'add' ? [article] : [];
  const links = narrow ? check.links(published.site, checked, previous.lookups) : check.links(published.site);
  // Every other article's links resolve as before; a removed article's warnings go with it.
  const linkWarnings = narrow
    ? mergeLinkWarnings(
        published.site,
        previous.modelWarnings,
        links.warnings,
        checked,
        check.displayPathOf,
        published.change === 'remove' ? [ownFile] : [],
      )
    : links.warnings;
  const modelWarnings = [...withoutLinks(previous.modelWarnings), ...linkWarnings];
  const finished = check.finish(modelWarnings, published.site);
  context.options.logger.debug(`model     patched: ${published.change === 'add' ? 'published' : 'removed'} ${ownFile}`);
  return {
    ...finished,
    site: published.site,
    indexes: previous.indexes,
    publish: published,
    patched: false,
    bodyOnly: undefined,
    articles: undefined,
    lookups: links.lookups,
  };
}

/**
 * Broken-link warnings in the order a full check gives them (the site's
 * articles, then its pages): fresh ones for the `checked` articles, the last
 * build's for every other item still in the site (`gone`: files of items it no longer has).
 */
function mergeLinkWarnings(
  site: Site,
  last: readonly Diagnostic[],
  fresh: readonly Diagnostic[],
  checked: readonly SiteArticle[],
  displayPathOf: (item: { readonly sourcePath: string }) => string,
  gone: readonly string[] = [],
): Diagnostic[] {
  const checkedFiles = new Set([...checked.map(displayPathOf), ...gone]);
  const kept = last.filter((one) => isBrokenLink(one) && !checkedFiles.has(one.file));
  // The last ones are in the site's order, and stay so without the checked articles'.
  if (fresh.length === 0) return kept;
  // A published article is the site's first.
  if (checked.length === 1 && checked[0] === site.articles[0]) return [...fresh, ...kept];
  const byFile = new Map<string, Diagnostic[]>();
  for (const found of [...kept, ...fresh]) {
    const list = byFile.get(found.file);
    if (list) list.push(found);
    else byFile.set(found.file, [found]);
  }
  const merged: Diagnostic[] = [];
  const items = [...site.articles, ...site.pages.flatMap((page) => (page.kind === 'page' ? [page.entry] : []))];
  for (const item of items) merged.push(...(byFile.get(displayPathOf(item)) ?? []));
  return merged;
}

function isBrokenLink(found: Diagnostic): boolean {
  return found.ruleId === 'link-broken';
}

function withoutLinks(warnings: readonly Diagnostic[]): Diagnostic[] {
  return warnings.filter((found) => !isBrokenLink(found));
}
