import { termsOf } from '../site/collect-terms.js';
import { archiveKeysOf, archiveUrlOf } from '../site/date-archives.js';
import type { SiteArticle, Term } from '../site/site.js';

/** The listings an article is in (its terms' and its date archives'), by front page URL, each newest first. */
export type Listings = ReadonlyMap<string, readonly SiteArticle[]>;

/**
 * The articles of every listing `article` is in, in one pass over the
 * site's articles (newest first): its section, tags and authors (by term
 * URL) and its year and month archives (by archive URL).
 */
export function collectListings(articles: readonly SiteArticle[], article: SiteArticle): Listings {
  const terms = termsOf(article);
  const [year, month] = archiveKeysOf(article);
  const byTerm = new Map<Term, SiteArticle[]>(terms.map((term) => [term, []]));
  const inYear: SiteArticle[] = [];
  const inMonth: SiteArticle[] = [];
  for (const other of articles) {
    byTerm.get(other.sectionTerm)?.push(other);
    for (const term of other.tagTerms) byTerm.get(term)?.push(other);
    for (const term of other.authorTerms) byTerm.get(term)?.push(other);
    if (other.date.iso.startsWith(year)) {
      inYear.push(other);
      if (other.date.iso.startsWith(month)) inMonth.push(other);
    }
  }
  const listings = new Map<string, SiteArticle[]>([...byTerm].map(([term, listed]) => [term.url, listed]));
  listings.set(archiveUrlOf(year), inYear);
  listings.set(archiveUrlOf(month), inMonth);
  return listings;
}
