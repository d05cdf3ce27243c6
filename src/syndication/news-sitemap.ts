import type { ResolvedConfig } from '../config/resolved-config.js';
import type { SiteArticle } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { createNewsLanguage } from './news-language.js';
import { selectRecentArticles } from './news-window.js';
import { estimateXmlBytes, type SplitLimit, splitEntries } from './split-entries.js';
import { renderXmlDocument, type XmlElement, xml } from './xml-document.js';
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
  const urls: XmlElement[] = [];
  if (fallbackUrl !== undefined) urls.push(xml('url', [xml('loc', fallbackUrl)]));
  for (const article of articles) {
    const news = xml('news:news', [
      xml('news:publication', [xml('news:name', publisher), xml('news:language', language)]),
      xml('news:publication_date', article.date.iso),
      xml('news:title', article.title),
    ]);
    urls.push(xml('url', [xml('loc', absolute(article.url)), news]));
  }
  return renderXmlDocument(xml('urlset', { xmlns: NS.sitemap, 'xmlns:news': NS.news }, urls));
}

export { NEWS_WINDOW_MS } from './news-window.js';
