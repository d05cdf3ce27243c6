import { toInstant } from '../i18n/parse-date.js';
import { describeReservedFolder } from '../url/reserved-folders.js';
import { createSlug } from '../url/slug.js';
import type { BodyConverter, BodyWarning } from './convert-body.js';
import { findKind, kindOfTerm } from './find-kind.js';
import { toPlainText } from './plain-text.js';
import type { WxrItem } from './read-wxr.js';

/** What mapping an item needs besides the item: the export's authors and attachments, and site settings. */
export interface MapContext {
  /** Display names by login (`wp:author`). */
  readonly authors: ReadonlyMap<string, string>;
  /** Attachment items by post id, for featured images. */
  readonly attachments: ReadonlyMap<string, WxrItem>;
  readonly timeZone: string;
  /** The section of a post without a category (or whose category's folder the site's own pages need). */
  readonly fallbackSection: string;
  readonly convert: BodyConverter;
}

/** A post or page as newsgen content, before its file name is settled. */
export interface MappedItem {
  readonly kind: 'article' | 'page';
  /** The folder under the content folder: the section's slug, or `pages`. */
  readonly folder: string;
  readonly slug: string;
  /** Front matter in the order it is written (without `id` and `aliases`, which need the final path). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The date's ISO text in the site's zone (as wall time without an offset when WordPress gave no GMT date), for permalinks. */
  readonly dateIso: string;
  readonly body: string;
  readonly warnings: readonly BodyWarning[];
}

const DRAFT_STATUSES: ReadonlySet<string> = new Set(['draft', 'pending', 'private']);

/** Maps a WordPress post or page to newsgen's front matter and a Markdown body. Pure. */
export function mapItem(item: WxrItem, context: MapContext): MappedItem {
  const kind = item.type === 'page' ? 'page' : 'article';
  const date = readDate(item.dateGmt, item.date, context.timeZone);
  const modified = readDate(item.modifiedGmt, item.modified, context.timeZone);
  const categories = item.categories;
  // A category such as "Opini" says what a post is, not what it is about: the section only when it is the one category.
  let section = categories.find((name) => kindOfTerm(name) === undefined) ?? categories[0];
  let folder = section === undefined ? context.fallbackSection : createSlug(section);
  if (folder === '' || describeReservedFolder(folder) || folder === 'pages' || folder === 'authors') {
    folder = context.fallbackSection;
    section = undefined;
  }
  const tags = uniqueNames([...categories.filter((name) => name !== section), ...item.tags]);
  const articleKind = findKind([...categories, ...item.tags]);
  const { markdown, warnings } = context.convert(item.content, item.title);
  const fields: Record<string, unknown> = { title: item.title };
  if (kind === 'article') fields.date = date.text;
  if (modified.sortKey > date.sortKey) fields.updated = modified.text;
  if (kind === 'article') {
    const author = context.authors.get(item.creator) || item.creator;
    if (author) fields.author = author;
    if (section !== undefined) fields.section = section;
    // Kept as a tag too, whose listing gathers the columns as the old category's archive did.
    if (articleKind !== undefined) fields.kind = articleKind;
    if (tags.length > 0) fields.tags = tags;
  }
  const summary = toPlainText(item.excerpt);
  if (summary) fields.summary = summary;
  const image = featuredImage(item, context.attachments);
  if (image !== undefined) fields.image = image;
  if (DRAFT_STATUSES.has(item.status)) fields.draft = true;
  return {
    kind,
    folder: kind === 'page' ? 'pages' : folder,
    slug: slugOf(item),
    fields,
    dateIso: date.sortKey,
    body: markdown,
    warnings,
  };
}

/**
 * A WordPress date: the GMT one as an instant with the site's offset, or,
 * when it is zero (drafts), the local one as wall time in the site's zone.
 * `sortKey` is the ISO text in the zone, comparable between the two.
 */
function readDate(gmt: string, local: string, timeZone: string): { text: string; sortKey: string } {
  const usable = (value: string): boolean =>
    /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?$/.test(value) && !value.startsWith('0000');
  if (usable(gmt)) {
    const iso = toInstant(Date.parse(`${gmt.replace(' ', 'T')}Z`), timeZone).iso;
    return { text: iso, sortKey: iso };
  }
  if (usable(local)) return { text: local.replace('T', ' '), sortKey: local.replace(' ', 'T') };
  return { text: '', sortKey: '' };
}

/** The slug of a post or page: its `post_name` decoded, else made from its title, else `post-<id>`. */
export function slugOf(item: WxrItem): string {
  let name = item.name;
  try {
    name = decodeURIComponent(name);
  } catch {
    // A stray % in a hand-edited export: the slug is made from the text as it is.
  }
  return createSlug(name) || createSlug(item.title) || `post-${createSlug(item.id) || 'untitled'}`;
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

/** `_thumbnail_id` → the attachment's URL, with its alt text and caption when it has them. */
function featuredImage(item: WxrItem, attachments: ReadonlyMap<string, WxrItem>): unknown {
  const attachment = attachments.get(item.meta._thumbnail_id ?? '');
  if (!attachment?.attachmentUrl) return undefined;
  const alt = attachment.meta._wp_attachment_image_alt ?? '';
  const caption = toPlainText(attachment.excerpt);
  if (!alt && !caption) return attachment.attachmentUrl;
  return { src: attachment.attachmentUrl, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) };
}
