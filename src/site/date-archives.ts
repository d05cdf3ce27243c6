import { paginate } from './paginate.js';
import type { ListPage, SiteArticle } from './site.js';

/** The date archives an article is listed in: its year (`2016`) and its month (`2016-09`). */
export function archiveKeysOf(article: SiteArticle): [string, string] {
  return [article.date.iso.slice(0, 4), article.date.iso.slice(0, 7)];
}

/** Every date archive's pages, years and months, newest first. */
export function createArchivePages(articles: readonly SiteArticle[], perPage: number): ListPage[] {
  const groups = groupByMonth(articles);
  return [...groups.keys()]
    .sort()
    .reverse()
    .flatMap((key) => createArchiveListing(key, groups.get(key) ?? [], perPage));
}

/** One date archive's pages (`key` a year, `2016`, or a month, `2016-09`) from its articles, newest first; see `paginate` for `from`. */
export function createArchiveListing(
  key: string,
  listed: readonly SiteArticle[],
  perPage: number,
  from = 1,
): ListPage[] {
  const year = Number(key.slice(0, 4));
  const month = key.length > 4 ? Number(key.slice(5, 7)) : undefined;
  const url = archiveUrlOf(key);
  return paginate(listed, perPage, url, from).map(({ items, pagination, after, newest }) => ({
    kind: 'list',
    url: pagination.url,
    taxonomy: 'archive',
    term: undefined,
    period: { year, month },
    author: undefined,
    lead: undefined,
    articles: items,
    pagination,
    after,
    newest,
  }));
}

/** The front page URL of a date archive (`2016` → `/2016/`, `2016-09` → `/2016/09/`). */
export function archiveUrlOf(key: string): string {
  return key.length === 4 ? `/${key}/` : `/${key.slice(0, 4)}/${key.slice(5, 7)}/`;
}

/**
 * The articles of each year and each month (keyed as {@link archiveKeysOf}
 * keys them), in their order. Newest first, most articles share the month of
 * the one before: their groups are taken again without making their keys.
 */
function groupByMonth(articles: readonly SiteArticle[]): Map<string, SiteArticle[]> {
  const groups = new Map<string, SiteArticle[]>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    return group;
  };
  let month = '';
  let inYear: SiteArticle[] = [];
  let inMonth: SiteArticle[] = [];
  for (const article of articles) {
    const { iso } = article.date;
    if (month === '' || !iso.startsWith(month)) {
      const [yearKey, monthKey] = archiveKeysOf(article);
      month = monthKey;
      inYear = groupOf(yearKey);
      inMonth = groupOf(monthKey);
    }
    inYear.push(article);
    inMonth.push(article);
  }
  return groups;
}
