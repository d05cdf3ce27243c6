import type { ResolvedConfig } from '../config/resolved-config.js';
import type { SplitLimit } from './split-entries.js';

/** Size limits of sitemap files. */
export interface SitemapLimits {
  readonly pages: SplitLimit;
  readonly news: SplitLimit;
}

/** The config the sitemaps read. */
export type SitemapConfig = Pick<ResolvedConfig, 'baseUrl' | 'basePath' | 'locale' | 'publisher' | 'now'>;

/** One `<url>` of a sitemap, or one `<sitemap>` of the index. */
export interface SitemapEntry {
  readonly loc: string;
  readonly lastmod: string | undefined;
}
