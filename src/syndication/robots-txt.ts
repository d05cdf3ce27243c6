import { createSiteUrl, type SiteAddress } from '../url/site-url.js';
import { SITEMAP_INDEX_URL } from './create-sitemaps.js';

/**
 * `robots.txt` allowing every crawler and naming the sitemap index with an
 * absolute `Sitemap:` line. Crawlers read it only at the host's root, so a site
 * hosted under a path should copy it there (the sitemap URL keeps the path).
 */
export function createRobotsTxt(address: SiteAddress): string {
  const siteUrl = createSiteUrl(address);
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${siteUrl.absolute(SITEMAP_INDEX_URL)}`, ''].join('\n');
}
