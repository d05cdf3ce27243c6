import type { ErrorCodeInfo } from './error-code-info.js';

/** Front matter fields of pages and redirects, each with a `front-matter-<field>` code. */
export const PAGE_FIELDS = ['params', 'aliases', 'featured', 'layout', 'menu', 'description'] as const;

/**
 * The codes of what is checked across the whole site rather than in one
 * field: unknown front matter keys, alternative text, menus, redirects and
 * links. Part of the catalogue (`ERROR_CODES`).
 */
export const SITE_CODES = {
  'front-matter-unknown-key': {
    title: 'A front matter key is not known',
    hint: "Fix the spelling (the message names the nearest known key, or newsgen's key for one of Hugo, Jekyll or WordPress), or move custom data under `params:`.",
  },
  'svg-script': {
    title: 'An SVG file can run script on the site',
    hint: 'Remove the script, event attributes (onload=…) and javascript: links from the SVG, or export it again as a plain drawing.',
  },
  'image-alt-missing': {
    title: 'An image has no alternative text',
    hint: 'Describe what the image shows: `![description](x.jpg)` in Markdown, `alt="…"` in HTML (`alt=""` only for decoration).',
  },
  'url-invisible-character': {
    title: 'An address or file name holds an invisible or reordering character',
    hint: 'Delete the character shown as \\uXXXX (it is often pasted in with the text, and an editor shows nothing): type the address again, or rename the file. A right-to-left override or other bidirectional control makes an address display as another one.',
  },
  'alias-collision': {
    title: 'An old address is claimed twice',
    hint: 'An alias may not be the address of a page or of a file the site publishes (a feed, a sitemap, a static file), nor an alias of another file: remove one of the two.',
  },
  'alias-own-address': {
    title: "An alias is its page's own address",
    hint: 'Remove the alias: the page is already at this address, and a redirect there would lead to itself.',
  },
  'alias-outside': {
    title: 'An alias lies outside the site',
    hint: 'Write the old address as a path of this site (`/lama/berita/`) or a URL under `baseUrl`.',
  },
  'redirect-loop': {
    title: 'Redirects lead in a circle',
    hint: 'Point one of the redirects at a page that exists.',
  },
  'redirect-shadowed': {
    title: "A rule of static/_redirects hides one of newsgen's",
    hint: 'Remove the rule from static/_redirects, or the alias or redirect it contradicts: one of the two is out of date.',
  },
  'link-broken': {
    title: 'A link or image of the site resolves to nothing',
    hint: 'Fix the address, publish the page it names, or add the file to static/ (an alias counts as an address).',
  },
  'menu-target-missing': {
    title: 'A menu entry points at nothing',
    hint: 'Name a page by its path under content/pages/ (without .md), or a section by its slug.',
  },
  'author-profile-unused': {
    title: 'An author profile matches no author of any article',
    hint: 'Check the spelling of `name` in the profile and of `author:` in the articles: a profile belongs to the author whose name makes the same URL slug.',
  },
  'page-url-reserved': {
    title: 'A page takes an address the site keeps for its own pages',
    hint: 'Move the page out of /tag/, /author/, /sections/, /page/, /assets/, /search/, /pagefind/, a year (/2026/) and a section’s /page/ folder, or give it another `slug:`.',
  },
  'data-syntax': {
    title: 'A data file has a syntax error',
    hint: 'Fix the JSON or YAML at the place shown (files under data/ are read like the config).',
  },
  'data-duplicate': {
    title: 'Two data files have one name',
    hint: 'Keep one of `x.json`, `x.yaml` and `x.yml`: each becomes `data.x` in templates.',
  },
} satisfies Record<string, ErrorCodeInfo>;
