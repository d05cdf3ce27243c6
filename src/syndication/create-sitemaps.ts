import type { OutputFile } from '../output/output-file.js';
import type { Site, SiteArticle } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import type { OutputGroup } from './create-feeds.js';
import { selectRecentArticles } from './news-window.js';
import { findLastModified, findPageLastModified } from './page-lastmod.js';
import { selectPublicArticles } from './public-articles.js';
import type { SitemapConfig, SitemapEntry, SitemapLimits } from './sitemap-model.js';

/** The protocol's limits: 50,000 URLs and 50 MB per sitemap, 1,000 URLs per news sitemap. */
export const SITEMAP_LIMITS: SitemapLimits = {
  pages: { maxEntries: 50_000, maxBytes: 50 * 1024 * 1024 },
  news: { maxEntries: 1_000, maxBytes: 50 * 1024 * 1024 },
};

/** URL path of the sitemap index, the one address to give search engines. */
export const SITEMAP_INDEX_URL = '/sitemap.xml';

/**
 * `/sitemap.xml` as a sitemap index pointing at `/sitemap-pages-N.xml` (every
 * published page with its `lastmod`, split at the protocol's limits) and
 * `/sitemap-news-N.xml` (Google News, the last 48 hours). Drafts, scheduled
 * and expired articles never appear, and neither does the 404 page. Pure.
 */
export function createSitemaps(
  site: Site,
  config: SitemapConfig,
  limits: SitemapLimits = SITEMAP_LIMITS,
): Promise<OutputFile[]> {
  return planSitemaps(site, config, '', limits).render();
}

/**
 * The sitemaps as one lazily rendered group. `structure` is a digest of the
 * site's pages, the articles each of them shows and the base URL (see
 * `describeSiteStructure`): with it, every entry follows from which articles
 * are public and when each was last modified, so the key is made of those
 * (and of the news articles) without walking every page. A build that
 * changes none of them keeps the files it wrote last time.
 */
export function planSitemaps(
  site: Site,
  config: SitemapConfig,
  structure: string,
  limits: SitemapLimits = SITEMAP_LIMITS,
): OutputGroup {
  const publicArticles = new Set(selectPublicArticles(site.articles, config.now));
  const recent = selectRecentArticles(site.articles, config.now);
  return {
    key: JSON.stringify([
      structure,
      site.articles.map((article) => (publicArticles.has(article) ? (article.updated ?? article.date).iso : 0)),
      recent.map((article) => [article.url, article.title, article.date.iso]),
    ]),
    // The XML writer loads only when a sitemap is written (a build that changes none never pays for it).
    render: async () =>
      (await import('./render-sitemaps.js')).renderSitemaps(
        site,
        config,
        limits,
        listEntries(site, config, publicArticles),
      ),
  };
}

/** Every published page with its `lastmod`, in the order of the site's pages. */
function listEntries(site: Site, config: SitemapConfig, publicArticles: ReadonlySet<SiteArticle>): SitemapEntry[] {
  const siteUrl = createSiteUrl(config);
  const isPublic = (article: SiteArticle) => publicArticles.has(article);
  const newestPublic = findLastModified([...publicArticles]);
  const entries: SitemapEntry[] = [];
  for (const page of site.pages) {
    if (page.kind === 'not-found') continue;
    const lastmod = findPageLastModified(page, isPublic, newestPublic);
    // An article or listing page with no public article on it is not published.
    if (lastmod === undefined && (page.kind === 'article' || page.kind === 'list')) continue;
    entries.push({ loc: siteUrl.absolute(page.url), lastmod: lastmod?.iso });
  }
  return entries;
}
