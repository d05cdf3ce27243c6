import type { Article } from '../content/article.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { applyStrict } from '../diagnostics/strict.js';
import { patchArticles } from '../incremental/patch-articles.js';
import type { PluginSiteData } from '../plugins/run-plugin-hooks.js';
import { collectResults } from '../process/collect-results.js';
import { buildSite } from '../site/build-site.js';
import { checkLayouts } from '../site/check-layouts.js';
import { checkLinks } from '../site/check-links.js';
import type { Page, Site } from '../site/site.js';
import type { ProcessedContent } from './process-content.js';
import type { BuildInputs } from './read-inputs.js';
import type { SessionContext } from './session-memory.js';

/** The site model of one build, and how it was made. */
export interface SiteModel {
  readonly site: Site;
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
  const displayPaths = new Map(inputs.sorted.map((entry) => [entry.source.path, entry.source.displayPath]));
  const displayPathOf = (item: { readonly sourcePath: string }) => displayPaths.get(item.sourcePath) ?? item.sourcePath;
  const linkCheck = (site: Site) =>
    checkLinks({ site, staticPaths: inputs.staticListing.paths, config, displayPathOf });
  if (patched) {
    const fileWarnings = [...memory.results.values()].flatMap(({ result }) =>
      result.kind === 'failed' ? [] : (result.warnings ?? []),
    );
    // An edited body may add or mend a link: links are checked again, the rest of the model's warnings hold.
    const modelWarnings = [
      ...(previous?.modelWarnings ?? []).filter((found) => found.ruleId !== 'link-broken'),
      ...linkCheck(patched.site),
    ];
    const warnings = [...fileWarnings, ...modelWarnings];
    failOnErrors(applyStrict(warnings, config.strict), 'content');
    return { site: patched.site, patched: true, bodyOnly: patched.pages, articles: undefined, warnings, modelWarnings };
  }
  const content = collectResults(
    inputs.sorted.flatMap((entry) => {
      const cached = memory.results.get(entry.source.path);
      return cached ? [{ source: entry.source, result: cached.result }] : [];
    }),
  );
  failOnErrors(applyStrict(content.diagnostics, config.strict), 'content');
  const modelled = buildSite(content.articles, content.profiles, config, displayPathOf, content.pages);
  const templateNames = inputs.theme.files.templates.map((template) => template.name);
  const diagnostics = [
    ...modelled.diagnostics,
    ...checkLayouts(modelled.site.pages, templateNames, displayPathOf),
    ...linkCheck(modelled.site),
  ];
  failOnErrors(applyStrict(diagnostics, config.strict), 'content');
  const isWarning = (found: Diagnostic) => found.severity === 'warning';
  const modelWarnings = diagnostics.filter(isWarning);
  const warnings = [...content.diagnostics.filter(isWarning), ...modelWarnings];
  return {
    site: modelled.site,
    patched: false,
    bodyOnly: undefined,
    articles: content.articles,
    warnings,
    modelWarnings,
  };
}
