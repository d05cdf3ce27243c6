import type { Article } from '../content/article.js';
import type { Page, Site } from '../site/site.js';
import type { ProcessResult } from './process-article.js';

/**
 * When every changed file is an article whose card fields (everything but its
 * body and HTML) are unchanged, the last site model still holds: only those
 * articles' own pages (and feeds with full content) can differ. Returns the
 * model with the new HTML swapped in and the pages to render, or undefined
 * when the change needs a new model.
 */
export function patchBodies(site: Site, changes: readonly [ProcessResult | undefined, ProcessResult | undefined][]): { site: Site; pages: ReadonlySet<Page> } | undefined {
  const html = new Map<string, string>();
  for (const [previous, next] of changes) {
    if (previous?.kind !== 'article' || next?.kind !== 'article' || describeCard(previous.article) !== describeCard(next.article)) return undefined;
    html.set(next.article.sourcePath, next.article.html);
  }
  const pages = new Set<Page>();
  for (const page of site.pages) {
    const body = page.kind === 'article' ? html.get(page.article.sourcePath) : undefined;
    if (page.kind !== 'article' || body === undefined) continue;
    // In place, on purpose: every listing, related block and feed refers to this
    // one object, and the model belongs to this session alone.
    (page.article as { html: string }).html = body;
    pages.add(page);
  }
  return { site, pages };
}

function describeCard(article: Article): string {
  return JSON.stringify({ ...article, html: undefined, body: undefined, bodyLine: undefined });
}
