import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Image } from '../content/article.js';
import { toDisplayPath } from '../content/load-content.js';
import { isRelativeImagePath } from '../images/locate-image.js';
import type { ImageOwner } from '../images/prepare-images.js';
import { avatarOwnerId, PUBLISHER_LOGO_ID } from '../images/site-images.js';
import type { ResultMap } from '../incremental/session-cache.js';
import type { ProcessedPluginPage } from '../process/process-plugin-page.js';
import type { Site, SiteArticle, StandalonePage } from '../site/site.js';
import type { ArticleOwners } from './image-state.js';
import type { SiteModel } from './model-site.js';

/**
 * Every published article's image owner (lead and body images; `featured`
 * is set afterwards). With `bundlesOnly` (the pipeline off: images are
 * linked as written, and only a page bundle's file is published), an article
 * that shows no bundle file has nothing for the stage to do and is left out.
 * After a publish patch of the site the last images stage collected
 * (`last`), every other article's owner is the one collected then: only the
 * added article is looked at. Looking each article's result up took 15-30
 * ms of every preview publish at 10,000 articles.
 */
export function collectArticleOwners(
  model: Pick<SiteModel, 'site' | 'publish'>,
  results: ResultMap,
  displayPathOf: (sourcePath: string) => string,
  bundlesOnly: boolean,
  last: ArticleOwners | undefined,
): ArticleOwners {
  const { site, publish } = model;
  const ownerOf = (article: SiteArticle) => collectOwner(article, results, displayPathOf, bundlesOnly);
  const patched =
    publish && last && last.pages === publish.lastPages && last.bundlesOnly === bundlesOnly
      ? patchOwners(site.articles, publish, last, ownerOf)
      : undefined;
  return {
    pages: site.pages,
    articles: site.articles,
    bundlesOnly,
    owners: patched ?? site.articles.map(ownerOf),
  };
}

/** The owners after a publish: the added article's first, or the removed newest's gone; undefined if the articles say otherwise. */
function patchOwners(
  articles: readonly SiteArticle[],
  publish: NonNullable<SiteModel['publish']>,
  last: ArticleOwners,
  ownerOf: (article: SiteArticle) => ImageOwner | undefined,
): (ImageOwner | undefined)[] | undefined {
  if (publish.change === 'add') {
    const kept = articles.length === last.articles.length + 1 && articles[0] === publish.article;
    return kept && articles[1] === last.articles[0] ? [ownerOf(publish.article), ...last.owners] : undefined;
  }
  const kept = articles.length === last.articles.length - 1 && last.articles[0] === publish.article;
  return kept && articles[0] === last.articles[1] ? last.owners.slice(1) : undefined;
}

/** One empty list for every article without body images, not one each. */
const NO_IMAGES: readonly never[] = [];

function collectOwner(
  article: SiteArticle,
  results: ResultMap,
  displayPathOf: (sourcePath: string) => string,
  bundlesOnly: boolean,
): ImageOwner | undefined {
  const result = results.get(article.sourcePath)?.result;
  const body = (result?.kind === 'article' ? result.images : undefined) ?? NO_IMAGES;
  const lead = article.image;
  if (bundlesOnly && !(lead && isRelativeImagePath(lead.src)) && !body.some((image) => isRelativeImagePath(image.src)))
    return undefined;
  return {
    sourcePath: article.sourcePath,
    displayPath: displayPathOf(article.sourcePath),
    lead: lead && toUse(lead, article.sourcePath),
    body,
  };
}

/**
 * Every image owner of the site: its articles' (the home page's headline
 * gets its large crop too), its standalone pages' (lead and body, a page
 * bundle's photos too; a plugin's pages with them, their results in
 * `pluginPages`) and every author profile with an avatar.
 */
export function collectOwners(
  site: Site,
  articles: ArticleOwners,
  displayPathOf: (sourcePath: string) => string,
  results: ResultMap,
  pluginPages: readonly ProcessedPluginPage[],
): ImageOwner[] {
  // One pass over the pages (a large site has a hundred thousand): the home headlines and the standalone pages.
  const featured = new Set<SiteArticle>();
  const standalone: StandalonePage[] = [];
  for (const page of site.pages)
    if (page.kind === 'home' && page.headline) featured.add(page.headline);
    else if (page.kind === 'page') standalone.push(page);
  const owners: ImageOwner[] = [];
  articles.owners.forEach((owner, index) => {
    if (!owner) return;
    owners.push(featured.has(site.articles[index] as SiteArticle) ? { ...owner, featured: true } : owner);
  });
  const plugins = new Map(pluginPages.map((page) => [page.source.displayPath, page]));
  for (const page of standalone) {
    const { sourcePath } = page.entry;
    const result = (page.entry.plugin === undefined ? results.get(sourcePath) : plugins.get(sourcePath))?.result;
    const body = (result?.kind === 'page' ? result.images : undefined) ?? NO_IMAGES;
    if (!page.entry.image && body.length === 0) continue;
    owners.push({
      sourcePath: page.entry.sourcePath,
      displayPath: displayPathOf(page.entry.sourcePath),
      lead: page.entry.image && toUse(page.entry.image, page.entry.sourcePath),
      body,
    });
  }
  for (const profile of site.profiles.values())
    if (profile.avatar)
      owners.push({
        id: avatarOwnerId(profile.slug),
        sourcePath: profile.sourcePath,
        displayPath: displayPathOf(profile.sourcePath),
        lead: toUse(profile.avatar, profile.sourcePath),
        avatar: true,
        body: [],
      });
  return owners;
}

/**
 * The publisher's logo, when it is a file of the static folder: read like
 * every image, so a missing or broken one fails the build naming the config.
 */
export function logoOwner(config: ResolvedConfig): ImageOwner | undefined {
  const logo = config.publisher.logo;
  if (!logo?.startsWith('/') || logo.startsWith('//')) return undefined;
  return {
    id: PUBLISHER_LOGO_ID,
    sourcePath: '',
    displayPath:
      config.publisher.logoWhere?.file ??
      (config.configFile === undefined ? 'config' : toDisplayPath(config.configFile, config.root)),
    lead: { src: logo, owner: undefined, place: config.publisher.logoWhere?.place },
    logo: true,
    body: [],
  };
}

function toUse(image: Image, owner: string) {
  return { src: image.src, owner, focus: image.focus, place: image.place };
}
