import type { ResolvedConfig } from '../config/resolved-config.js';
import { resolveStrings } from '../i18n/strings.js';
import type { OutputFile } from '../output/output-file.js';
import { isLive } from '../site/live.js';
import type { Site, SiteArticle } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { labelKind } from '../view/create-card-view.js';
import { isPublic } from './public-articles.js';

/** Output path of the newest headlines, read by the theme's `latest-news.js`. */
export const LATEST_JSON_PATH = 'latest.json';

/** Headlines `/latest.json` holds at least: the "other news" count plus the page's own article, or ten. */
const LATEST_MIN_COUNT = 10;

/** The config `/latest.json` reads. */
export type LatestJsonConfig = Pick<
  ResolvedConfig,
  'baseUrl' | 'basePath' | 'now' | 'otherNewsCount' | 'locale' | 'strings'
>;

/** One headline of `/latest.json`. */
export interface LatestArticle {
  /** Absolute URL of the article page. */
  readonly url: string;
  readonly title: string;
  /** The section's display name. */
  readonly section: string;
  /** Publication time, ISO 8601 with the site's offset. */
  readonly date: string;
  /**
   * What readers are told the article is when it is not news ("Opini", "Advertorial"), or that it is a live
   * blog whose coverage runs ("Langsung"), shown before its title.
   */
  readonly label?: string;
}

/**
 * `/latest.json`: the newest public articles in the site's total order (date,
 * then id), enough for the "other news" list of any article page once that
 * page's own article is skipped. Article pages show a list frozen at their
 * publication (so publishing never rewrites them); this small file, written
 * by every build, lets a script show readers the newest headlines instead.
 * Compact JSON, so equal input gives equal bytes. Pure.
 */
export function createLatestJson(site: Site, config: LatestJsonConfig): OutputFile {
  const siteUrl = createSiteUrl(config);
  const count = Math.max(LATEST_MIN_COUNT, config.otherNewsCount + 1);
  const newest: SiteArticle[] = [];
  // The newest public ones: the walk stops once it has enough, whatever the archive's size.
  const now = config.now.getTime();
  for (const article of site.articles) {
    if (newest.length >= count) break;
    if (isPublic(article, now)) newest.push(article);
  }
  const strings = resolveStrings(config.locale, config.strings);
  const articles: LatestArticle[] = newest.map((article) => {
    // A live blog whose coverage runs is labelled as its card is ("Langsung: …"), with no change to the script.
    const kind = labelKind(article.kind, strings);
    const live = isLive(article, now) ? strings['live'] : undefined;
    const label = kind && live ? `${kind}: ${live}` : (kind ?? live);
    return {
      url: siteUrl.absolute(article.url),
      title: article.title,
      section: article.sectionTerm.name,
      date: article.date.iso,
      ...(label === undefined ? {} : { label }),
    };
  });
  return { path: LATEST_JSON_PATH, contents: `${JSON.stringify({ articles })}\n` };
}
