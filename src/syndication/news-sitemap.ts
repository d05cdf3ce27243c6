import { create } from 'xmlbuilder2';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { SiteArticle } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { createNewsLanguage } from './news-language.js';
import { selectRecentArticles } from './news-window.js';
import { estimateXmlBytes, type SplitLimit, splitEntries } from './split-entries.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/** The config a news sitemap reads. */
export type NewsSitemapConfig = Pick<ResolvedConfig, 'baseUrl' | 'basePath' | 'locale' | 'publisher' | 'now'>;

/**
 * Google News sitemaps (`news:publication` with the publisher's name and the
 * ISO 639 language, `news:publication_date`, `news:title`), split every
 * `limit.maxEntries` articles. Returns one XML text per file, at least one.
 *
 * The sitemaps.org schema requires at least one `<url>` in a `urlset`, so when
 * no article falls in the window the (single) file lists the home page without
 * `news:news`: the file stays valid and at its usual address, and news crawlers
 * find no news in it.
 */
export function renderNewsSitemaps(
  articles: readonly SiteArticle[],
  config: NewsSitemapConfig,
  limit: SplitLimit,
): string[] {
  const siteUrl = createSiteUrl(config);
  const language = createNewsLanguage(config.locale);
  const recent = selectRecentArticles(articles, config.now);
  if (recent.length === 0)
    return [renderUrlset([], siteUrl.absolute('/'), config.publisher.name, language, siteUrl.absolute)];
  const overhead = 400 + estimateXmlBytes(config.publisher.name);
  const chunks = splitEntries(
    recent,
    limit,
    (article) =>
      400 +
      estimateXmlBytes(siteUrl.absolute(article.url)) +
      estimateXmlBytes(article.title) +
      estimateXmlBytes(config.publisher.name),
    overhead,
  );
  return chunks.map((chunk) => renderUrlset(chunk, undefined, config.publisher.name, language, siteUrl.absolute));
}

function renderUrlset(
  articles: readonly SiteArticle[],
  fallbackUrl: string | undefined,
  publisher: string,
  language: string,
  absolute: (urlPath: string) => string,
): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS.sitemap, 'urlset')
    .att(NS.xmlns, 'xmlns:news', NS.news);
  if (fallbackUrl !== undefined) urlset.ele('url').ele('loc').txt(fallbackUrl);
  for (const article of articles) {
    const url = urlset.ele('url');
    url.ele('loc').txt(absolute(article.url));
    const news = url.ele(NS.news, 'news:news');
    news
      .ele(NS.news, 'news:publication')
      .ele(NS.news, 'news:name')
      .txt(publisher)
      .up()
      .ele(NS.news, 'news:language')
      .txt(language);
    news.ele(NS.news, 'news:publication_date').txt(article.date.iso);
    news.ele(NS.news, 'news:title').txt(article.title);
  }
  return urlset.end({ prettyPrint: true });
}

export { NEWS_WINDOW_MS } from './news-window.js';
