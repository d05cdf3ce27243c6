import type { Article, ArticleData } from './article.js';

/** What processing the body adds to an article's validated fields. */
export type BodyFields = Pick<Article, 'excerpt' | 'readAlsoLinks' | 'references' | 'liveUpdates'>;

/**
 * An article of `data`'s fields and `body`'s, every field written out: the
 * same hidden class in V8 for every article of a site, whatever object the
 * fields come from. `Object.assign({}, …)` of these thirty-odd fields made
 * dictionary-mode objects, whose every property read in the later stages
 * (model, plans, views, digests) is a hash lookup; a spread makes fast
 * objects but copies about ten times more slowly than this literal. Every
 * field of `Article` is required, so a field added to it and not here fails
 * to compile.
 */
export function copyArticle(data: ArticleData, body: BodyFields): Article {
  return {
    sourcePath: data.sourcePath,
    id: data.id,
    title: data.title,
    date: data.date,
    updated: data.updated,
    expires: data.expires,
    authors: data.authors,
    section: data.section,
    tags: data.tags,
    image: data.image,
    summary: data.summary,
    slug: data.slug,
    dateline: data.dateline,
    editor: data.editor,
    draft: data.draft,
    corrections: data.corrections,
    aliases: data.aliases,
    featured: data.featured,
    featuredUntil: data.featuredUntil,
    kind: data.kind,
    sponsor: data.sponsor,
    live: data.live,
    liveUntil: data.liveUntil,
    params: data.params,
    bodyLine: data.bodyLine,
    slugPlace: data.slugPlace,
    idPlace: data.idPlace,
    namePlaces: data.namePlaces,
    excerpt: body.excerpt,
    readAlsoLinks: body.readAlsoLinks,
    references: body.references,
    liveUpdates: body.liveUpdates,
  };
}
