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

/**
 * The line a build adds when it left articles out for now, or undefined:
 * `Held back: 2 scheduled articles (the next is dated 2026-12-09T08:00:00+08:00 and appears
 * with the first build after that; --future builds them now) and 1 draft (draft: true; --drafts builds it)`.
 */
export function formatHeldBack(held: {
  readonly scheduled: number;
  readonly next: string | undefined;
  readonly drafts: number;
}): string | undefined {
  const parts: string[] = [];
  if (held.scheduled > 0) {
    const noun = held.scheduled === 1 ? 'scheduled article' : 'scheduled articles';
    const [which, them] = held.scheduled === 1 ? ['it is dated', 'it'] : ['the next is dated', 'them'];
    parts.push(
      `${formatCount(held.scheduled)} ${noun} (${which} ${held.next ?? 'later'} and appears with the first build after that; --future builds ${them} now)`,
    );
  }
  if (held.drafts > 0)
    parts.push(
      `${formatCount(held.drafts)} ${held.drafts === 1 ? 'draft (draft: true; --drafts builds it)' : 'drafts (draft: true; --drafts builds them)'}`,
    );
  return parts.length === 0 ? undefined : `Held back: ${parts.join(' and ')}`;
}
