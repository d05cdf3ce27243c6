/** What newsgen reads in place of a key that Hugo, Jekyll or a WordPress export writes. */
interface ForeignKey {
  /** The newsgen key to use; the advice only applies where the checked mapping accepts it. */
  readonly use: string;
  /** What to do, said to someone moving a site: how the newsgen key differs. */
  readonly hint: string;
}

const UPDATED: ForeignKey = {
  use: 'updated',
  hint: 'Rename it to `updated`.',
};
const DATE: ForeignKey = {
  use: 'date',
  hint: 'Rename it to `date` (keep one): a future date schedules the article.',
};
const EXPIRES: ForeignKey = {
  use: 'expires',
  hint: 'Rename it to `expires`.',
};
const ALIASES: ForeignKey = {
  use: 'aliases',
  hint: 'The address comes from the `permalink` setting: list this one in `aliases: [/2016/09/banjir/]` to redirect it.',
};
const SECTION: ForeignKey = {
  use: 'section',
  hint: 'An article has one `section`: name the main category there, the others in `tags`.',
};
const IMAGE: ForeignKey = {
  use: 'image',
  hint: 'Rename it to `image` (one image).',
};
const SUMMARY: ForeignKey = {
  use: 'summary',
  hint: 'Rename it to `summary`.',
};
const TAGS: ForeignKey = { use: 'tags', hint: 'Rename it to `tags`, a list.' };
const DRAFT: ForeignKey = {
  use: 'draft',
  hint: 'Write `draft: true` for an unpublished article, and remove this key.',
};

/**
 * Front matter keys of Hugo, Jekyll and WordPress exports (wordpress-to-hugo-exporter,
 * jekyll-import) that newsgen reads under another name, by lower-case key
 * (Hugo reads its keys in any case: `publishDate`, `publishdate`).
 */
const FOREIGN_KEYS: ReadonlyMap<string, ForeignKey> = new Map(
  Object.entries({
    lastmod: UPDATED,
    modified: UPDATED,
    last_modified_at: UPDATED,
    publishdate: DATE,
    pubdate: DATE,
    expirydate: EXPIRES,
    unpublishdate: EXPIRES,
    url: ALIASES,
    permalink: ALIASES,
    wordpress_url: ALIASES,
    categories: SECTION,
    category: SECTION,
    featured_image: IMAGE,
    featuredimage: IMAGE,
    feature_image: IMAGE,
    images: IMAGE,
    cover: IMAGE,
    thumbnail: IMAGE,
    description: SUMMARY,
    excerpt: SUMMARY,
    keywords: TAGS,
    status: DRAFT,
  }),
);

/** A key's advice that depends on its value: Jekyll's `published: false` is a draft, Hugo's `published` a date. */
function publishedKey(value: unknown): ForeignKey {
  return typeof value === 'boolean' ? DRAFT : DATE;
}

/**
 * The newsgen key to use instead of `key`, a key other generators write,
 * with a hint saying how it differs; undefined for a key newsgen has no
 * name for, or whose equivalent `known` (the keys of the mapping checked)
 * does not list (a page has no `section`).
 */
export function findForeignKey(key: string, value: unknown, known: readonly string[]): ForeignKey | undefined {
  const lower = key.toLowerCase();
  // `Description` on a page is a known key in the wrong case: the typo check names it.
  if (known.includes(lower)) return undefined;
  const found = lower === 'published' ? publishedKey(value) : FOREIGN_KEYS.get(lower);
  return found && known.includes(found.use) ? found : undefined;
}
