/** What newsgen reads in place of a key that Hugo, Jekyll or a WordPress export writes. */
interface ForeignKey {
  /** The newsgen key to use; the advice only applies where the checked mapping accepts it. */
  readonly use: string;
  /** What to do, said to someone moving a site: how the newsgen key differs. */
  readonly hint: string;
}

const UPDATED: ForeignKey = {
  use: 'updated',
  hint: 'Rename it to `updated`: the page shows it as the last change, and the sitemap and feeds announce it.',
};
const DATE: ForeignKey = {
  use: 'date',
  hint: 'Rename it to `date` (keep one date): an article dated in the future appears at that time.',
};
const EXPIRES: ForeignKey = {
  use: 'expires',
  hint: 'Rename it to `expires`: the article is left out of the site after that instant.',
};
const ALIASES: ForeignKey = {
  use: 'aliases',
  hint: 'newsgen makes the address from the `permalink` setting (or `slug`); list the old address under `aliases:` (`aliases: [/2016/09/banjir/]`) so it redirects to the new one.',
};
const SECTION: ForeignKey = {
  use: 'section',
  hint: 'An article has one `section` (its first folder by default): name the main category there and put any others in `tags`.',
};
const IMAGE: ForeignKey = {
  use: 'image',
  hint: 'Rename it to `image`: a path or URL, or `{ src, alt, caption, credit }` (one image: the first of a list).',
};
const SUMMARY: ForeignKey = {
  use: 'summary',
  hint: 'Rename it to `summary`: listings, feeds and the meta description use it.',
};
const TAGS: ForeignKey = { use: 'tags', hint: 'Rename it to `tags`: a list such as `tags: [Banjir, Semarang]`.' };
const DRAFT: ForeignKey = {
  use: 'draft',
  hint: 'newsgen publishes every article but those with `draft: true`: write that for an unpublished one and remove this key.',
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
