import type { Article } from '../content/article.js';
import type { ProcessResult } from '../process/process-source.js';
import type { Page, Site, SiteArticle } from '../site/site.js';

/** A site model brought up to date in place, and what may now render differently. */
export interface PatchedSite {
  readonly site: Site;
  /**
   * Present when only article bodies changed: the only pages that can differ
   * (besides feeds, which carry bodies). Absent when displayed fields such as a
   * title changed: any page showing the article may differ, so every page's
   * fingerprint must be compared.
   */
  readonly pages: ReadonlySet<Page> | undefined;
  /** The articles brought up to date. */
  readonly articles: readonly SiteArticle[];
}

/**
 * When every changed file is an article whose structural fields (what decides
 * which pages exist, where the article is listed, its URL and its related
 * ranking: path, id, slug, dates of publication and expiry, section, tags,
 * authors, draft and featured flags, aliases, the slugs its body links with
 * `::related`) are unchanged, the last site model still has the right
 * shape: the new field values are copied into it and it is returned. Returns
 * undefined when the change needs a new model.
 */
export function patchArticles(
  site: Site,
  changes: readonly [ProcessResult | undefined, ProcessResult | undefined][],
): PatchedSite | undefined {
  const next = new Map<string, Article>();
  let bodiesOnly = true;
  for (const [previous, current] of changes) {
    if (
      previous?.kind !== 'article' ||
      current?.kind !== 'article' ||
      describeStructure(previous.article) !== describeStructure(current.article)
    )
      return undefined;
    if (describeCard(previous.article) !== describeCard(current.article)) bodiesOnly = false;
    next.set(current.article.sourcePath, current.article);
  }
  const patched = new Set<SiteArticle>();
  for (const article of site.articles) {
    const update = next.get(article.sourcePath);
    if (update === undefined) continue;
    // In place, on purpose: every listing, related block and feed refers to this
    // one object, and the model belongs to this session alone. URL and terms
    // are derived from the structural fields, which are equal.
    Object.assign(article, update);
    patched.add(article);
  }
  const articles = [...patched];
  if (!bodiesOnly) return { site, pages: undefined, articles };
  const pages = new Set<Page>();
  for (const page of site.pages) if (page.kind === 'article' && patched.has(page.article)) pages.add(page);
  return { site, pages, articles };
}

function describeStructure(article: Article): string {
  return JSON.stringify([
    article.sourcePath,
    article.id,
    article.slug,
    article.date.time,
    article.expires?.time,
    article.section,
    article.tags,
    article.authors,
    article.draft,
    article.featured,
    article.featuredUntil?.time,
    article.aliases,
    // The articles a body links with `::related` are resolved (and checked) with the model.
    article.readAlsoLinks.map((link) => link.slug),
  ]);
}

/** Everything but the body: what listings, related blocks and head metadata show. */
function describeCard(article: Article): string {
  return JSON.stringify({ ...article, bodyLine: undefined, references: undefined });
}
