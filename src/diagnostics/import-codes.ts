import type { ErrorCodeInfo } from './error-code-info.js';

/** Errors and warnings of `newsgen import wordpress`, which reads a WordPress export into the content folder. */
export const IMPORT_CODES = {
  'import-read': { title: 'The export to import cannot be read', hint: 'Check the path of the WordPress export file.' },
  'import-xml': {
    title: 'The export to import is not well-formed XML',
    hint: 'Export again from WordPress (Tools → Export); a file cut short by a download ends in the middle of a post.',
  },
  'import-not-wxr': {
    title: 'The file to import is not a WordPress export',
    hint: 'Give the file WordPress writes at Tools → Export (WXR), not a feed or a sitemap.',
  },
  'import-exists': {
    title: 'An imported file would replace an existing one',
    hint: 'Import into an empty content folder, or pass `--force` to replace the files.',
  },
  'import-write': { title: 'The imported files cannot be written', hint: 'Check the content folder’s permissions.' },
  'import-shortcode': {
    title: 'A WordPress shortcode was kept as written',
    hint: 'Replace it by hand with Markdown or an embed (README, Embeds), a form or a button with a link to where it led, or delete it.',
  },
  'import-gallery-image': {
    title: 'A gallery’s photo is not in the export',
    hint: 'Add it to the `:::gallery` by hand.',
  },
  'import-page-url': {
    title: 'An imported page’s address is one the site keeps for its own pages',
    hint: 'The page was written at a numbered address: give it a `slug` of its own, and link to it where the old address was.',
  },
  'import-duplicate-slug': {
    title: 'Two imported posts have one slug in one section',
    hint: 'The later one got a numbered file name; rename it and keep its old address in `aliases`.',
  },
} satisfies Record<string, ErrorCodeInfo>;
