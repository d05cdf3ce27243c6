/** How long an article stays in the Google News sitemap after publication: 48 hours. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
