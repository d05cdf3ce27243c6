import type { ResolvedConfig } from '../config/resolved-config.js';
import type { ArticleBodies } from '../content/article.js';
import { resolveStrings } from '../i18n/strings.js';
import type { SiteImages } from '../images/site-images.js';
import type { RenderComponent } from '../markdown/expand-components.js';
import type { OutputFile } from '../output/output-file.js';
import { urlToOutputPath } from '../output/resolve-output-path.js';
import { createFeedPaths, createTermFeedTitle, hasTermFeeds } from '../site/feed-links.js';
import type { ImageSizes } from '../site/image-size.js';
import type { Site, SiteArticle, Term } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { createFeedItem } from './create-feed-item.js';
import type { FeedEntryMemo } from './feed-entry-memo.js';
import type { Feed, FeedEntry, FeedItem } from './feed-model.js';
import { renderJsonFeed } from './json-feed.js';
import { isPublic } from './public-articles.js';

/** The config a feed build reads. */
export type FeedSiteConfig = Pick<
  ResolvedConfig,
  'title' | 'description' | 'baseUrl' | 'basePath' | 'locale' | 'publisher' | 'now' | 'feeds' | 'strings'
>;

/** One feed to write: who it is about and the listing URL its files sit under. */
interface FeedSpec {
  readonly title: string;
  readonly description: string;
  /** URL path (no base path) of the listing the feed follows: `/`, `/ekonomi/`, `/tag/x/`. */
  readonly folderUrl: string;
  readonly articles: readonly SiteArticle[];
}

/** A group of output files rendered together, with a key that changes whenever their bytes could. */
export interface OutputGroup {
  readonly key: string;
  /** Asynchronous only to load the XML writer on first use: a build that writes no feed or sitemap never loads it. */
  render(): Promise<OutputFile[]>;
}

/**
 * Every feed of the site in RSS 2.0, Atom 1.0 and JSON Feed 1.1: the whole
 * site at `/feed.xml`, `/atom.xml`, `/feed.json`, and each section (and, when
 * configured, each tag and author) under its listing URL. Only public articles,
 * newest first, at most `feeds.limit` per feed. Pure.
 */
export async function createFeeds(
  site: Site,
  config: FeedSiteConfig,
  imageSizes: ImageSizes,
  bodies: ArticleBodies,
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const group of planFeeds(site, config, imageSizes, bodies)) files.push(...(await group.render()));
  return files;
}

/**
 * The feeds as groups of three files (one per format) that render lazily,
 * each keyed by what it is made of: title, URLs, and for every item the
 * fields it prints and the digest of its body (see {@link ArticleBodies}).
 * A build whose key for a feed has not changed keeps the files it wrote last
 * time, without reading a single body. With `only` (listing URLs), the site
 * feed and the feeds of those listings alone.
 */
export function planFeeds(
  site: Site,
  config: FeedSiteConfig,
  imageSizes: ImageSizes,
  bodies: ArticleBodies,
  images?: SiteImages,
  renderComponent?: RenderComponent,
  only?: ReadonlySet<string>,
  memo?: FeedEntryMemo,
): OutputGroup[] {
  const siteUrl = createSiteUrl(config);
  const strings = resolveStrings(config.locale, config.strings);
  const descriptions = new Map<SiteArticle, string>();
  const describe = (article: SiteArticle): string => {
    let found = descriptions.get(article);
    if (found === undefined)
      descriptions.set(article, (found = JSON.stringify(describeFeedArticle(article, bodies, images))));
    return found;
  };
  const entries = new Map<SiteArticle, FeedEntry>();
  const entryOf = (article: SiteArticle, prepare: (item: FeedItem) => FeedEntry): FeedEntry => {
    let entry = entries.get(article) ?? memo?.get(describe(article));
    if (!entry) {
      const item = createFeedItem(article, {
        address: config,
        imageSizes,
        content: config.feeds.content,
        bodies,
        images,
        renderComponent,
        strings,
      });
      entry = prepare(item);
      memo?.set(describe(article), entry);
    }
    entries.set(article, entry);
    return entry;
  };
  return listFeedSpecs(site, config, only).map((spec) => {
    const { articles } = spec;
    const head = [spec.title, spec.description, spec.folderUrl].map((text) => JSON.stringify(text));
    return {
      // JSON of [title, description, folder URL, [each article's description]], each description written once.
      key: `[${head.join(',')},[${articles.map(describe).join(',')}]]`,
      async render() {
        const [{ renderRssFeed }, { renderAtomFeed }, { prepareFeedEntry }] = await Promise.all([
          import('./rss-feed.js'),
          import('./atom-feed.js'),
          import('./feed-entry.js'),
        ]);
        const paths = createFeedPaths(spec.folderUrl);
        const feedEntries = articles.map((article) => entryOf(article, prepareFeedEntry));
        const feed: Feed = {
          title: spec.title,
          description: spec.description,
          language: config.locale,
          homeUrl: siteUrl.absolute(spec.folderUrl),
          urls: {
            rss: siteUrl.absolute(paths.rss),
            atom: siteUrl.absolute(paths.atom),
            json: siteUrl.absolute(paths.json),
          },
          updated: newestModification(feedEntries),
          publisher: config.publisher.name,
          publisherUrl: siteUrl.absolute('/'),
          logoUrl: config.publisher.logo === undefined ? undefined : siteUrl.resolveSrc(config.publisher.logo),
          items: feedEntries,
        };
        return [
          { path: urlToOutputPath(paths.rss), contents: renderRssFeed(feed) },
          { path: urlToOutputPath(paths.atom), contents: renderAtomFeed(feed) },
          { path: urlToOutputPath(paths.json), contents: renderJsonFeed(feed) },
        ];
      },
    };
  });
}

/** Everything of an article a feed item prints (its images by their identities, see `SiteImages`). */
function describeFeedArticle(article: SiteArticle, bodies: ArticleBodies, images: SiteImages | undefined): unknown[] {
  return [
    article.id,
    article.url,
    article.title,
    article.excerpt,
    article.date.iso,
    article.updated?.iso,
    article.image,
    // The kind's label comes from the strings, which the settings the keys go with hold.
    article.kind,
    // Categories print each term's slug too, which a name keeps only while no other name slugifies alike.
    [article.sectionTerm.name, article.sectionTerm.slug],
    article.tagTerms.map((term) => [term.name, term.slug]),
    article.authorTerms.map((term) => [term.name, term.url]),
    bodies.digest(article),
    images?.lead(article.sourcePath),
    images?.body(article.sourcePath),
  ];
}

/**
 * The site's feed and, for each term with feeds (those in `only`, when
 * given), the term's: each with its newest public articles, at most
 * `limit`. Articles come newest first, so the walk stops once every feed
 * has its `limit` (a publish plans a few feeds from the archive's first
 * articles, not from all of them).
 */
function listFeedSpecs(site: Site, config: FeedSiteConfig, only?: ReadonlySet<string>): FeedSpec[] {
  const { limit } = config.feeds;
  const terms = [...site.sections, ...site.tags, ...site.authors].filter(
    (term) => hasTermFeeds(term, config.feeds) && (!only || only.has(term.url)),
  );
  const newest: SiteArticle[] = [];
  const groups = new Map<Term, SiteArticle[]>(terms.map((term) => [term, []]));
  // Feeds still short of `limit` articles: the site's and every term's.
  let short = groups.size + 1;
  const add = (group: SiteArticle[] | undefined, article: SiteArticle): void => {
    if (!group || group.length >= limit || group[group.length - 1] === article) return;
    group.push(article);
    if (group.length === limit) short -= 1;
  };
  const now = config.now.getTime();
  for (const article of site.articles) {
    if (short <= 0) break;
    if (!isPublic(article, now)) continue;
    add(newest, article);
    add(groups.get(article.sectionTerm), article);
    for (const term of article.tagTerms) add(groups.get(term), article);
    for (const term of article.authorTerms) add(groups.get(term), article);
  }
  const specs: FeedSpec[] = [
    { title: config.title, description: config.description, folderUrl: '/', articles: newest },
  ];
  for (const term of terms) {
    const title = createTermFeedTitle(term, config.title);
    specs.push({ title, description: title, folderUrl: term.url, articles: groups.get(term) ?? [] });
  }
  return specs;
}

function newestModification(items: readonly FeedEntry[]): FeedEntry['modified'] | undefined {
  let newest: FeedItem['modified'] | undefined;
  for (const item of items) if (!newest || item.modified.time > newest.time) newest = item.modified;
  return newest;
}
