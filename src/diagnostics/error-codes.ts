import { BODY_CODES } from './body-codes.js';
import type { ErrorCodeInfo } from './error-code-info.js';
import { FRONT_MATTER_CODES } from './front-matter-codes.js';
import { FRONT_MATTER_FIELDS, type FrontMatterField } from './front-matter-fields.js';
import { IMPORT_CODES } from './import-codes.js';
import { PLUGIN_CODES } from './plugin-codes.js';
import { SITE_CODES } from './site-codes.js';

export type { ErrorCodeInfo } from './error-code-info.js';
export { FRONT_MATTER_FIELDS, type FrontMatterField } from './front-matter-fields.js';

const FIXED_CODES = {
  ...PLUGIN_CODES,
  ...IMPORT_CODES,
  ...FRONT_MATTER_CODES,
  'file-encoding': { title: 'A file is not valid UTF-8', hint: 'Save the file as UTF-8.' },
  'author-avatar': {
    title: 'An author avatar is not a site path or an https URL',
    hint: 'Use a path such as /images/authors/x.jpg or an https URL.',
  },
  'author-links': {
    title: 'An author link is malformed',
    hint: 'Give each link a `name` and an http(s) or mailto `url`.',
  },
  'duplicate-author': {
    title: 'Two profiles describe one author',
    hint: 'Keep one profile per author: remove the other, or give the author another name.',
  },
  'duplicate-url': {
    title: 'Two pages have the same URL',
    hint: 'Give one of them another slug (`slug:`) or move it to another section.',
  },
  'url-case-collision': {
    title: 'Two URLs differ only in letter case',
    hint: 'Rename one: case-insensitive disks and hosts cannot hold both.',
  },
  'file-too-large': {
    title: 'A content file is too large',
    hint: 'Content files may be at most 5 MB: split the article, or move data out of it.',
  },
  'control-character': {
    title: 'A control character was replaced with a space',
    hint: 'Remove the invisible character at the place shown (often pasted from a word processor); XML forbids it.',
  },
  'duplicate-id': {
    title: 'Two articles have the same id',
    hint: 'Give each article its own `id`: it is the article’s identity in feeds.',
  },
  'term-slug-collision': {
    title: 'Two different names share one URL slug',
    hint: 'The name used later got a numbered slug; if both mean the same, spell them alike.',
  },
  'date-skipped-time': {
    title: 'A date names a time the clocks skip',
    hint: 'Write the time as the clocks showed it, before or after the change, or give an offset (`+01:00`).',
  },
  'content-not-read': {
    title: 'A file of the content folder looks like an article but is not read',
    hint: 'Rename an article to .md; a page of HTML from an old CMS needs converting to Markdown first, or belongs in static/.',
  },
  'outside-project': {
    title: 'A link or special file was left out',
    hint: 'Copy the file into the site folder instead of linking to it; devices, FIFOs and sockets are never read.',
  },
  'image-missing': { title: 'An image file does not exist', hint: 'Add the file, or fix the path in the article.' },
  'image-too-large': {
    title: 'An image has more pixels than the limit',
    hint: 'Resize the source file, or raise `images.pixelLimit` in the config.',
  },
  'image-unreadable': {
    title: 'An image cannot be read',
    hint: 'Check that the file is a JPEG, PNG, WebP, AVIF, GIF or SVG image and is not damaged.',
  },
  'image-outside': {
    title: 'An image path leaves the content folder, or is relative in a plugin’s page (which has no folder)',
    hint: 'Keep page-bundle images beside the article, or use a site path such as /images/x.jpg for the static folder.',
  },
  'image-small': {
    title: 'A lead image is narrower than 1200 px',
    hint: 'Google Discover and Top Stories show large previews only for images at least 1200 px wide: use a larger source.',
  },
  'image-location': {
    title: 'A published photo tells where it was taken',
    hint: 'Run `exiftool -gps:all= photo.jpg`, or export it without location.',
  },
  'check-failed': {
    title: '`newsgen check` found problems',
    hint: 'Fix the errors listed above (and, with `--strict`, the warnings).',
  },
  'news-duplicate-title': {
    title: 'Two articles of the last 48 hours share a headline',
    hint: 'Give one of them a headline of its own: Google News shows one of two identical titles.',
  },
  'news-future-date': {
    title: 'An article is dated more than 30 days in the future',
    hint: 'A mistyped year or month: correct the date. Scheduled on purpose: the first build after its date publishes it (build on a schedule, as the workflow `newsgen init` writes does); `--future` publishes it now.',
  },
  'news-headline-length': {
    title: 'A headline is longer than Google News shows',
    hint: 'Shorten the title to about 110 characters or fewer.',
  },
  'news-image-width': {
    title: 'A lead image is narrower than 1200 px',
    hint: 'Google Discover and Top Stories want lead images at least 1200 px wide: use a larger source.',
  },
  'news-summary-missing': {
    title: 'An article has no summary',
    hint: 'Add a `summary:` of one or two sentences: listings, feeds and search results show it.',
  },
  'news-updated-before-date': {
    title: 'An article was updated before it was published',
    hint: 'Make `updated` later than `date`, or remove it.',
  },
  'config-ambiguous': { title: 'Two config files in one folder', hint: 'Keep one of them, or pass `--config`.' },
  'config-base-url-part': {
    title: 'The baseUrl has a query or fragment, which the site leaves out',
    hint: 'Remove the `?…` or `#…` from `baseUrl`: pages, feeds and sitemaps use the URL without it.',
  },
  'config-invalid': { title: 'A config value is invalid', hint: 'Fix the value at the place shown.' },
  'config-load': { title: 'A config file cannot be loaded', hint: 'Fix the error the config module threw.' },
  'config-missing': { title: 'The config file does not exist', hint: 'Check the path given to `--config`.' },
  'config-syntax': { title: 'A config file has a syntax error', hint: 'Fix the syntax at the place shown.' },
  'config-unknown-key': {
    title: 'A config key is not known',
    hint: 'Check the spelling against the config reference; unknown keys are ignored.',
  },
  'templates-missing': {
    title: 'The templates folder does not exist',
    hint: 'Check the path given to `--templates` or `templates` in the config.',
  },
  'template-folder': { title: 'A templates folder cannot be read', hint: 'Check the folder and its permissions.' },
  'template-missing': {
    title: 'A page template is missing',
    hint: 'Add the template to your templates folder, or remove the override that hides the theme’s.',
  },
  'template-missing-partial': {
    title: 'A template uses a partial that does not exist',
    hint: 'Add the partial under `partials/`, or fix its name.',
  },
  'template-render': {
    title: 'A template failed while rendering a page',
    hint: 'Fix the template at the place shown.',
  },
  'template-syntax': { title: 'A template has a syntax error', hint: 'Fix the Handlebars syntax at the place shown.' },
  'template-retired-data': {
    title: 'A template reads data newsgen no longer gives',
    hint: 'Use what the message names instead; docs/template-data.md lists what templates get.',
  },
  'duplicate-output': {
    title: 'Two outputs would write one file',
    hint: 'Rename one of the pages or files that claim the path.',
  },
  'output-collision': {
    title: 'A static file or folder is in the way of a generated file',
    hint: 'Rename or move the static file or folder.',
  },
  'output-io': {
    title: 'The output folder cannot be written',
    hint: 'Check the disk space and the permissions of the output folder.',
  },
  'unsafe-out-dir': {
    title: 'The output folder is not one newsgen may replace',
    hint: 'Choose another `--out` (or `out` in the config), or pass `--force-out` to replace a folder of other files.',
  },
  'content-empty': {
    title: 'The content folder is empty after a build that had articles',
    hint: 'Check that the content was checked out (a git submodule, a sparse checkout). To publish an empty site, delete the output folder and the cache first.',
  },
  'missing-input': {
    title: 'An input folder does not exist',
    hint: 'Check the path given to `--content`, `--static` or `--templates` (or the config key).',
  },
  'unsafe-output-path': {
    title: 'An output path is unsafe',
    hint: 'Rename the slug, tag or file so that its name is valid on every file system.',
  },
  'search-index': {
    title: 'The search index cannot be built',
    hint: 'Check that the pagefind package is installed for this platform (`npm install`), or turn site search off with `search: false`.',
  },
  'build-failed': {
    title: 'The build failed',
    hint: 'Fix the errors listed above; the previous output was left as it was.',
  },
  'changes-write': {
    title: 'The change manifest cannot be written',
    hint: 'Check that the folder of the --changes file exists and may be written.',
  },
  usage: { title: 'A command was used wrongly', hint: 'Run `newsgen <command> --help` for its options.' },
  'internal-error': {
    title: 'newsgen crashed (a bug)',
    hint: 'Please report it with the stack trace printed on stderr.',
  },
  'init-cancelled': { title: 'Site creation was cancelled', hint: 'Run `newsgen init` again when ready.' },
  'init-not-empty': {
    title: 'The folder for a new site is not empty',
    hint: 'Choose an empty folder, or pass `--force` to add the starter files beside what is there.',
  },
  'init-not-folder': { title: 'The path for a new site is a file', hint: 'Choose a folder.' },
  'init-write': { title: 'A starter file cannot be written', hint: 'Check the folder’s permissions.' },
  'new-exists': {
    title: 'The new file already exists',
    hint: 'Choose another title or pass a different `--section`; newsgen never overwrites content.',
  },
  'new-write': { title: 'The new file cannot be written', hint: 'Check the content folder’s permissions.' },
  'new-section-unknown': {
    title: 'A new article starts a section whose name is close to one the site has',
    hint: 'Move the file to the section meant, or keep it to start a new section.',
  },
  'watch-failed': { title: 'Watching the site failed', hint: 'Restart `newsgen watch` or `newsgen serve`.' },
  'watch-limit': {
    title: 'The system ran out of file watches',
    hint: 'Raise the limit: `sudo sysctl fs.inotify.max_user_watches=524288`.',
  },
  'serve-listen': { title: 'The preview server cannot listen', hint: 'Choose another `--port` or `--host`.' },
} satisfies Record<string, ErrorCodeInfo>;

/** Every permanent id of an error or warning newsgen reports. */
export type ErrorCode =
  | keyof typeof FIXED_CODES
  | keyof typeof BODY_CODES
  | keyof typeof SITE_CODES
  | `front-matter-${FrontMatterField}`;

/**
 * The catalogue: every code with its title and hint. Codes are permanent, so
 * scripts and CI annotations may match on them; the README lists them all.
 */
export const ERROR_CODES: Readonly<Record<ErrorCode, ErrorCodeInfo>> = {
  ...FIXED_CODES,
  ...BODY_CODES,
  ...SITE_CODES,
  ...(Object.fromEntries(
    FRONT_MATTER_FIELDS.map((field) => [
      `front-matter-${field}`,
      {
        title: `The \`${field}\` field is missing or invalid`,
        hint: `Fix \`${field}\` at the place shown; the front matter reference lists what it takes.`,
      },
    ]),
  ) as Record<`front-matter-${FrontMatterField}`, ErrorCodeInfo>),
};

/** Whether `value` names a code of the catalogue (for values crossing a thread or process boundary). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
