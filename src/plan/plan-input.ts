import type { ResolvedConfig } from '../config/resolved-config.js';
import type { ArticleBodies } from '../content/article.js';
import type { SiteImages } from '../images/site-images.js';
import type { Renderer } from '../render/create-renderer.js';
import type { ImageSizes } from '../site/image-size.js';
import type { Page, Site } from '../site/site.js';
import type { SitemapMonths } from '../syndication/create-sitemaps.js';
import type { FeedEntryMemo } from '../syndication/feed-entry-memo.js';
import type { RedirectFilesMemo } from '../syndication/redirect-files.js';

/** What the build knows about the static folder, read at the I/O edge. */
export interface StaticInfo {
  /** Sizes of its images, keyed by site URL path (`/images/a.jpg`). */
  readonly imageSizes?: ImageSizes;
  /** Output paths it provides (`robots.txt`); generated files yield to them where that makes sense. */
  readonly paths?: ReadonlySet<string>;
  /** The text of `static/_redirects`, merged into the `_redirects` the build writes. */
  readonly hostRedirects?: string | undefined;
}

/** One output of the site: its path, a fingerprint of everything it is made from, and its bytes when rendered. */
export interface PlannedOutput {
  readonly path: string;
  readonly fingerprint: string;
  /** Present when rendered: always for new or changed inputs, never for unchanged ones. */
  readonly contents: string | Uint8Array | undefined;
  /**
   * What the output state keeps instead of a hash of `contents`, when the
   * fingerprint already names the bytes: an image file (a derived file's key,
   * an original's size and mtime), as a static file is kept by its stamp.
   */
  readonly hash?: string;
  /**
   * A derived image file: neither its hash nor its fingerprint is kept by
   * path, as its photo's group names it (see `DerivedGroups`).
   */
  readonly derived?: true;
  /** The page this output renders, when it is one. */
  readonly page?: Page;
}

/** What planning the outputs of a build reads. */
export interface PlanInput {
  readonly site: Site;
  readonly config: ResolvedConfig;
  readonly renderer: Renderer;
  readonly staticInfo: StaticInfo;
  /** Fingerprints of the last build's outputs; empty to render everything. */
  readonly previous: ReadonlyMap<string, string>;
  /** Fingerprint of everything outside the site model that pages depend on (config, theme, static files). */
  readonly settings: string;
  /** Digest of the site's structure (see `describeSiteStructure`); computed when absent. */
  readonly structure?: string | undefined;
  /**
   * The only pages to plan, as indexes into `site.pages`, when the site's
   * structure is known to equal the last build's and the caller keeps every
   * other page as that build left it (see `page-dependents`). Absent: every
   * page is planned.
   */
  readonly onlyPages?: ReadonlySet<number> | undefined;
  /** Where article bodies and their digests are read. */
  readonly bodies: ArticleBodies;
  /** The site's data files by name (`data.<name>` in templates); part of `settings`. @default {} */
  readonly dataFiles?: Readonly<Record<string, unknown>>;
  /** The image pipeline's pictures and image identities; absent: images are linked as written. */
  readonly images?: SiteImages | undefined;
  /** Data from plugins' `siteModel` hooks (`site.data`); its hash is part of `settings`. @default none */
  readonly siteData?: Readonly<Record<string, unknown>>;
  /** Feed entries an earlier build of the session wrote under the same `settings`. @default none */
  readonly feedEntries?: FeedEntryMemo | undefined;
  /** What a session's last build worked out of its redirects, for a build of the same model (see `RedirectFilesMemo`). @default none */
  readonly redirectFiles?: RedirectFilesMemo | undefined;
  /** Told where the monthly sitemap files are once they are planned, for a session's next publish. @default none */
  readonly keepSitemapMonths?: ((months: SitemapMonths) => void) | undefined;
}
