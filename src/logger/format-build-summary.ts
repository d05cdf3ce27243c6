import { formatCount } from './format-count.js';
import { formatDuration } from './format-duration.js';

/** The one line a build reports: `Built 10,000 articles → 13,420 pages in 3.1 s`. */
export function formatBuildSummary(input: {
  readonly articles: number;
  readonly pages: number;
  readonly durationMs: number;
}): string {
  const articles = `${formatCount(input.articles)} ${input.articles === 1 ? 'article' : 'articles'}`;
  const pages = `${formatCount(input.pages)} ${input.pages === 1 ? 'page' : 'pages'}`;
  return `Built ${articles} → ${pages} in ${formatDuration(input.durationMs)}`;
}
