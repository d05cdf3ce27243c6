import type { SiteArticle, Term } from './site.js';

/** What pages print of a term: never its count, which only the term indexes show. */
export function describeTerm(term: Term): string {
  return `${term.taxonomy} ${term.slug} ${term.url} ${term.name}`;
}

/** The fields of an article that any page may print (everything but its body). */
export function describeArticle(article: SiteArticle): string {
  return JSON.stringify([
    article.id,
    article.url,
    article.title,
    article.excerpt,
    article.summary,
    article.date.iso,
    article.updated?.iso,
    article.image,
    article.dateline,
    article.editor,
    article.draft,
    article.corrections,
    article.kind,
    article.sponsor,
    article.params,
    describeTerm(article.sectionTerm),
    article.tagTerms.map(describeTerm),
    article.authorTerms.map(describeTerm),
  ]);
}
