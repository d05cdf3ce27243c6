/** Keys an object may hold: `true` for a leaf value, a nested tree for an object whose keys are checked too. */
export interface KeyTree {
  readonly [key: string]: true | KeyTree;
}

/**
 * Every key the resolver reads, nested where it checks the keys of an object
 * value. Anything else in a config is an unknown key (a warning). The JSON
 * Schema (`newsgen.schema.json`) lists the same keys; a test keeps the two
 * in step.
 */
export const CONFIG_KEYS: KeyTree = {
  $schema: true,
  title: true,
  description: true,
  baseUrl: true,
  locale: true,
  timeZone: true,
  permalink: true,
  perPage: true,
  publisher: { name: true, logo: true, icon: true, color: true },
  sections: true,
  strings: true,
  related: { count: true, weights: { tag: true, section: true, author: true, recency: true, halfLifeDays: true } },
  otherNews: true,
  feeds: { limit: true, content: true, tags: true, authors: true },
  images: {
    widths: true,
    cardWidths: true,
    leadRatio: true,
    formats: true,
    avif: { quality: true, effort: true },
    webp: { quality: true, effort: true },
    jpeg: { quality: true },
    png: { quality: true, effort: true },
    sizes: { lead: true, featured: true, card: true, body: true, avatar: true },
    pixelLimit: true,
    service: { imgix: true },
  },
  menus: { main: true, footer: true },
  redirects: true,
  nginxRedirects: true,
  search: true,
  strict: true,
  now: true,
  content: true,
  data: true,
  templates: true,
  static: true,
  out: true,
  plugins: true,
  remarkPlugins: true,
  rehypePlugins: true,
  helpers: true,
  partials: true,
  embeds: true,
  sanitize: { elements: true, attributes: true, classes: true },
};

/** Key paths (`feeds.limit`) of every leaf and object key in a tree, sorted. */
export function listKeyPaths(tree: KeyTree, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) => {
      const keyPath = prefix + key;
      return value === true ? [keyPath] : [keyPath, ...listKeyPaths(value, `${keyPath}.`)];
    })
    .sort();
}
