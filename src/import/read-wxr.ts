import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { childOf, textOf, type XmlElement } from './parse-xml.js';

/** One `<item>` of a WordPress export, with the fields the importer maps. */
export interface WxrItem {
  readonly id: string;
  readonly title: string;
  /** The old permalink (`<link>`). */
  readonly link: string;
  /** Login name of the author (`dc:creator`). */
  readonly creator: string;
  readonly content: string;
  readonly excerpt: string;
  readonly date: string;
  readonly dateGmt: string;
  readonly modified: string;
  readonly modifiedGmt: string;
  /** `wp:post_name`, percent-encoded as WordPress stores it; empty for many drafts. */
  readonly name: string;
  readonly status: string;
  readonly type: string;
  /** `wp:post_parent`: the id of a page's parent page, `0` for none. */
  readonly parent: string;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  /** `wp:postmeta` by key (`_thumbnail_id`, `_wp_attachment_image_alt`). */
  readonly meta: Readonly<Record<string, string>>;
  readonly attachmentUrl: string;
}

/** A WordPress export: author display names by login, and every item in file order. */
export interface WxrExport {
  readonly authors: ReadonlyMap<string, string>;
  readonly items: readonly WxrItem[];
}

/**
 * Reads the parsed XML of a WordPress export (WXR: an RSS document whose
 * channel has `wp:` elements). Throws `import-not-wxr` for XML that is
 * something else, such as a feed.
 */
export function readWxr(root: XmlElement, file: string): WxrExport {
  const channel = root.name === 'rss' ? childOf(root, 'channel') : undefined;
  if (!channel?.children.some((child) => child.name.startsWith('wp:')))
    throw new NewsgenError(`Unexpected <${root.name}> document in ${file}, expected a WordPress export (WXR)`, {
      code: 'import-not-wxr',
      file,
    });
  const authors = new Map<string, string>();
  for (const author of channel.children.filter((child) => child.name === 'wp:author'))
    authors.set(textOf(author, 'wp:author_login'), textOf(author, 'wp:author_display_name'));
  return { authors, items: channel.children.filter((child) => child.name === 'item').map(readItem) };
}

function readItem(item: XmlElement): WxrItem {
  const terms = (domain: string): string[] =>
    item.children
      .filter((child) => child.name === 'category' && child.attributes.domain === domain)
      .map((child) => child.text.trim())
      .filter((name) => name !== '');
  const meta: Record<string, string> = {};
  for (const entry of item.children.filter((child) => child.name === 'wp:postmeta'))
    meta[textOf(entry, 'wp:meta_key')] = textOf(entry, 'wp:meta_value');
  return {
    id: textOf(item, 'wp:post_id'),
    title: textOf(item, 'title'),
    link: textOf(item, 'link'),
    creator: textOf(item, 'dc:creator'),
    content: childOf(item, 'content:encoded')?.text ?? '',
    excerpt: textOf(item, 'excerpt:encoded'),
    date: textOf(item, 'wp:post_date'),
    dateGmt: textOf(item, 'wp:post_date_gmt'),
    modified: textOf(item, 'wp:post_modified'),
    modifiedGmt: textOf(item, 'wp:post_modified_gmt'),
    name: textOf(item, 'wp:post_name'),
    status: textOf(item, 'wp:status'),
    type: textOf(item, 'wp:post_type'),
    parent: textOf(item, 'wp:post_parent'),
    categories: terms('category'),
    tags: terms('post_tag'),
    meta,
    attachmentUrl: textOf(item, 'wp:attachment_url'),
  };
}
