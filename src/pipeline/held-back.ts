import type { Article } from '../content/article.js';
import type { HeldBack } from '../site/held-back.js';
import { countHeldBack } from '../site/select-published.js';
import type { SessionContext } from './session-memory.js';

/** The content's scheduled articles and drafts that this build left out of the site (see `countHeldBack`). */
export function describeHeldBack({ memory, config }: SessionContext): HeldBack {
  const articles: Article[] = [];
  for (const { result } of memory.results.values()) if (result.kind === 'article') articles.push(result.article);
  return countHeldBack(articles, config);
}
