import type { Article } from '../content/article.js';
import { createNameKeyer, createSlugger, normalizeName } from '../url/slug.js';
import { distinctNames } from './build-site.js';
import { pickCommonest } from './collect-terms.js';
import type { Site, SiteArticle, SiteIndexes, SiteOptions, Taxonomy, Term } from './site.js';

/** Whether every name an article gives (section, tags, authors) belongs to a term the site has: else it brings a new one. */
export function findsEveryTerm(indexes: SiteIndexes, article: Article): boolean {
  const keyOf = createNameKeyer();
  const slugOf = createSlugger();
  const names: [Taxonomy, readonly string[]][] = [
    ['section', [article.section]],
    ['tag', distinctNames('tags', keyOf)(article)],
    ['author', distinctNames('authors', keyOf)(article)],
  ];
  // A name without letters or digits has no slug and no term, in any build.
  return names.every(([taxonomy, spellings]) =>
    spellings.every((spelling) => slugOf(spelling) === '' || (indexes[taxonomy].find(spelling)?.count ?? 0) > 0),
  );
}

/**
 * Whether a term keeps its name once the change is made (`listed`, its
 * articles after it; none: the term disappears): a configured name (a section's, an author
 * profile's) always stays; else the name is the most common spelling among
 * the term's articles, worked out again from them exactly as `indexTerms`
 * does, unless the change cannot move it: an added article that spells the
 * term as it is named (one more of the commonest), or a removed one that
 * spells it otherwise (one fewer of another, and ties go as they went).
 */
export function keepsTermName(
  term: Term,
  listed: readonly SiteArticle[],
  options: Pick<SiteOptions, 'sections'>,
  profiles: Site['profiles'],
  change: { readonly article: SiteArticle; readonly step: 1 | -1 } | undefined,
): boolean {
  if (listed.length === 0) return false;
  if (hasConfiguredName(term, options, profiles)) return true;
  if (change) {
    const spellsName = spellingsOf(change.article, term.taxonomy).includes(term.name);
    if (change.step === 1 ? spellsName : !spellsName) return true;
  }
  return commonestSpelling(term, listed) === term.name;
}

/**
 * The most common spelling of `term` among the `listed` articles, counted as
 * `indexTerms` counts (each name key once per article; a spelling is the
 * term's when its slug and name key are the term name's; ties to the first
 * in code-unit order); empty when none spells it.
 */
function commonestSpelling(term: Term, listed: readonly SiteArticle[]): string {
  const keyOf = createNameKeyer();
  const slugOf = createSlugger();
  const [wantedKey, wantedSlug] = [keyOf(term.name), slugOf(term.name)];
  const namesOf =
    term.taxonomy === 'section'
      ? (article: Article) => [article.section]
      : distinctNames(term.taxonomy === 'tag' ? 'tags' : 'authors', keyOf);
  // A listing repeats the same few names: each is normalized and placed once.
  const spellingOf = new Map<string, string | undefined>();
  const counts = new Map<string, number>();
  for (const article of listed)
    for (const name of namesOf(article)) {
      let spelling = spellingOf.get(name);
      if (spelling === undefined && !spellingOf.has(name)) {
        // A name's key is its normalized spelling's (and `distinctNames` has worked it out): the slug is
        // made only for the few names that share the term's key.
        const normalized = keyOf(name) === wantedKey ? normalizeName(name) : undefined;
        spelling = normalized !== undefined && slugOf(normalized) === wantedSlug ? normalized : undefined;
        spellingOf.set(name, spelling);
      }
      if (spelling !== undefined) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    }
  return counts.size === 0 ? '' : pickCommonest(counts);
}

/** True when the term's name comes from the config or an author profile, whatever the articles spell. */
function hasConfiguredName(term: Term, options: Pick<SiteOptions, 'sections'>, profiles: Site['profiles']): boolean {
  const configured =
    term.taxonomy === 'section'
      ? options.sections.find((section) => section.slug === term.slug)?.name
      : term.taxonomy === 'author'
        ? profiles.get(term.slug)?.name
        : undefined;
  return configured !== undefined && configured === term.name;
}

/** The names an article gives in a taxonomy, normalized, each name key once (as `buildSite` counts them). */
function spellingsOf(article: Article, taxonomy: Taxonomy, keyOf = createNameKeyer()): string[] {
  if (taxonomy === 'section') return [normalizeName(article.section)];
  return distinctNames(taxonomy === 'tag' ? 'tags' : 'authors', keyOf)(article).map(normalizeName);
}
