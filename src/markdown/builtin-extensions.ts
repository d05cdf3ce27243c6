import rehypeSlug from 'rehype-slug';
import type { MarkdownExtension } from './markdown-extension.js';
import { rehypeDateline } from './rehype-dateline.js';
import { EMBED_HOSTS } from './rehype-embed-allowlist.js';

/**
 * newsgen's own features that extend the Markdown pipeline the way plugins
 * do, ahead of every plugin: heading ids (rehype-slug, so a plugin's rehype
 * step sees them), the dateline with the one class it needs on `span`, and
 * the video and social hosts iframes may come from.
 */
export const BUILTIN_EXTENSIONS: readonly MarkdownExtension[] = Object.freeze([
  { name: 'newsgen:heading-ids', rehypePlugins: [rehypeSlug] },
  { name: 'newsgen:dateline', rehypePlugins: [rehypeDateline], sanitize: { classes: { span: ['dateline'] } } },
  { name: 'newsgen:embeds', embeds: EMBED_HOSTS.map((host) => ({ host, attributes: [] })) },
]);
