import { isFeatured } from './featured.js';
import type { HomePage, Site, SiteArticle, Term } from './site.js';

/** Articles per section block on the home page. */
const HOME_SECTION_SIZE = 4;

/**
 * The home page's section blocks: for each section with articles not shown
 * above (`above`), its newest featured one (if any) and then its newest, up
 * to `HOME_SECTION_SIZE`. One pass over the site's articles, keeping only
 * what a block can show: a publish patch lays out the home page again.
 */
export function createHomeSections(
  site: Pick<Site, 'articles' | 'sections'>,
  above: ReadonlySet<SiteArticle>,
  now: number,
): HomePage['sections'] {
  const newest = new Map<string, SiteArticle[]>();
  const leads = new Map<string, SiteArticle>();
  for (const article of site.articles) {
    if (above.has(article)) continue;
    const slug = article.sectionTerm.slug;
    if (!leads.has(slug) && isFeatured(article, now)) leads.set(slug, article);
    const list = newest.get(slug);
    if (!list) newest.set(slug, [article]);
    else if (list.length < HOME_SECTION_SIZE) list.push(article);
  }
  const blocks: { term: Term; articles: SiteArticle[] }[] = [];
  for (const term of site.sections) {
    const articles = newest.get(term.slug);
    if (!articles) continue;
    const lead = leads.get(term.slug);
    const ordered = lead ? [lead, ...articles.filter((article) => article !== lead)] : articles;
    blocks.push({ term, articles: ordered.slice(0, HOME_SECTION_SIZE) });
  }
  return blocks;
}
