import type { ResolvedConfig } from '../config/resolved-config.js';
import type { SiteArticle } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { createNewsLanguage } from './news-language.js';
import { renderXmlDocument, type XmlElement, xml } from './xml-document.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/** The config a news sitemap reads. */
export type NewsSitemapConfig = Pick<ResolvedConfig, 'baseUrl' | 'basePath' | 'locale' | 'publisher'>;

/**
 * One Google News sitemap (`news:publication` with the publisher's name and
 * the ISO 639 language, `news:publication_date`, `news:title`) of the given
 * articles, a part of what `splitRecentArticles` cut.
 *
 * The sitemaps.org schema requires at least one `<url>` in a `urlset`, so when
 * no article falls in the window the file lists the home page without
 * `news:news`: the file stays valid and at its usual address, and news
 * crawlers find no news in it.
 */
export function renderNewsSitemap(articles: readonly SiteArticle[], config: NewsSitemapConfig): string {
  const siteUrl = createSiteUrl(config);
  const language = createNewsLanguage(config.locale);
  const urls: XmlElement[] = [];
  if (articles.length === 0) urls.push(xml('url', [xml('loc', siteUrl.absolute('/'))]));
  for (const article of articles) {
    const news = xml('news:news', [
      xml('news:publication', [xml('news:name', config.publisher.name), xml('news:language', language)]),
      xml('news:publication_date', article.date.iso),
      xml('news:title', article.title),
    ]);
    urls.push(xml('url', [xml('loc', siteUrl.absolute(article.url)), news]));
  }
  return renderXmlDocument(xml('urlset', { xmlns: NS.sitemap, 'xmlns:news': NS.news }, urls));
}
