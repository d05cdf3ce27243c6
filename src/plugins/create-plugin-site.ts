import type { PluginArticle, PluginSite, PluginTerm } from '../config/newsgen-plugin.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Site, SiteArticle, Term } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { freezeCopy } from './freeze-copy.js';

/**
 * The site model as `siteModel` hooks see it: plain, frozen copies of the
 * published articles (newest first) and terms, with URLs ready to print, so
 * a plugin can read everything and change nothing the build uses.
 */
export function createPluginSite(site: Site, config: ResolvedConfig): PluginSite {
  const { href, absolute } = createSiteUrl(config);
  const terms = new Map<Term, PluginTerm>();
  const termOf = (term: Term): PluginTerm => {
    let view = terms.get(term);
    if (!view)
      terms.set(
        term,
        (view = Object.freeze({ slug: term.slug, name: term.name, url: href(term.url), count: term.count })),
      );
    return view;
  };
  const articleOf = (article: SiteArticle): PluginArticle =>
    Object.freeze({
      id: article.id,
      sourcePath: article.sourcePath,
      title: article.title,
      url: href(article.url),
      absoluteUrl: absolute(article.url),
      date: article.date.iso,
      updated: article.updated?.iso,
      summary: article.excerpt,
      section: termOf(article.sectionTerm),
      tags: Object.freeze(article.tagTerms.map(termOf)),
      authors: Object.freeze(article.authorTerms.map(termOf)),
      params: freezeCopy(article.params),
    });
  return Object.freeze({
    config,
    articles: Object.freeze(site.articles.map(articleOf)),
    sections: Object.freeze(site.sections.map(termOf)),
    tags: Object.freeze(site.tags.map(termOf)),
    authors: Object.freeze(site.authors.map(termOf)),
  });
}
