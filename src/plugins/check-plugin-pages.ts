import { findInvisibleCharacter } from '../url/invisible-characters.js';
import { findSegmentProblem } from '../url/path-segment.js';
import { createSlug } from '../url/slug.js';

/** A page a `pages` hook gave, checked: its URL, the fields a content page's front matter would hold, and its body. */
export interface PluginPageSpec {
  /** URL path without the base path (`/pilkada/jawa-tengah/`). */
  readonly url: string;
  /** `title`, `summary`, `description`, `layout`, `menu`, `updated`, `image`, `aliases`, `draft` and `params`, as given (`image`, `aliases` and `params` as plain JSON). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly markdown: string;
}

/** What is wrong with a returned page, and its path once that is valid. */
export interface PluginPageProblem {
  readonly reason: string;
  readonly path?: string;
}

/** The keys a plugin's page may have: its address, its body, and the front matter fields a content page takes. */
const PAGE_KEYS = [
  'path',
  'title',
  'markdown',
  'summary',
  'description',
  'layout',
  'menu',
  'updated',
  'image',
  'aliases',
  'draft',
  'params',
];
/** Fields copied as plain JSON: the kinds each may be, and what a message says it expects. */
const JSON_FIELDS = {
  image: { kinds: ['object', 'text'], expected: 'a site path such as /images/peta.png, a URL or an object with a src' },
  aliases: { kinds: ['list', 'text'], expected: 'a list of old addresses such as /lama/berita/' },
  params: { kinds: ['object'], expected: 'an object of data for the layout' },
};
/** Fields passed on as given, to be checked as a content page's front matter is (`draft: "ya"` is its error). */
const PLAIN_KEYS = ['title', 'summary', 'description', 'layout', 'menu', 'updated', 'draft'];
const TEXT_KEYS = ['title', 'summary', 'description', 'layout', 'updated', 'markdown'];
const MENUS = ['main', 'footer'];
const EXAMPLE = 'lower-case slugs between slashes such as /pilkada/jawa-tengah/';

/**
 * Checks what a `pages` hook returned: a list of objects, each with a
 * `path` that can only name a folder of the output (slugs between slashes:
 * no `..`, query, control or invisible character), a `title`, and the
 * optional fields of a content page of the right types. Pure: every problem
 * is described, naming the field (`pages[2].title`) and, once known, the
 * page's path; the valid pages are kept in the order given.
 */
export function checkPluginPages(value: unknown): { pages: PluginPageSpec[]; problems: PluginPageProblem[] } {
  const problems: PluginPageProblem[] = [];
  if (!Array.isArray(value)) {
    problems.push({ reason: `Unexpected ${describeKind(value)} from pages(), expected a list of pages` });
    return { pages: [], problems };
  }
  const pages: PluginPageSpec[] = [];
  value.forEach((item: unknown, index) => {
    const at = `pages[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      const reason = `Unexpected ${describeKind(item)} at ${at}, expected a page: an object with a path and a title`;
      problems.push({ reason });
      return;
    }
    const page = checkPage(item as Record<string, unknown>, at);
    if ('problems' in page) problems.push(...page.problems);
    else pages.push(page);
  });
  return { pages, problems };
}

function checkPage(item: Record<string, unknown>, at: string): PluginPageSpec | { problems: PluginPageProblem[] } {
  const found: string[] = [];
  const path = item['path'];
  const pathProblem = findPathProblem(path);
  if (pathProblem !== undefined) found.push(pathProblem.replace('{at}', `${at}.path`));
  for (const key of Object.keys(item))
    if (!PAGE_KEYS.includes(key)) found.push(`Unexpected key ${at}.${key}, expected one of ${PAGE_KEYS.join(', ')}`);
  if (item['title'] === undefined || item['title'] === null)
    found.push(`Missing ${at}.title, expected the page's title`);
  for (const key of TEXT_KEYS) {
    const field = item[key];
    if (field !== undefined && field !== null && typeof field !== 'string')
      found.push(`Unexpected ${describeKind(field)} for ${at}.${key}, expected text`);
  }
  if (typeof item['title'] === 'string' && item['title'].trim() === '')
    found.push(`Unexpected empty ${at}.title, expected the page's title`);
  const menu = item['menu'];
  const menus = menu === undefined || menu === null ? [] : Array.isArray(menu) ? menu : [menu];
  if (menus.some((name) => !MENUS.includes(name as string)))
    found.push(`Unexpected ${describeKind(menu)} for ${at}.menu, expected main or footer, or a list of them`);
  const copy = (key: keyof typeof JSON_FIELDS) => copyJson(item[key], `${at}.${key}`, JSON_FIELDS[key], found);
  const copied = { image: copy('image'), aliases: copy('aliases'), params: copy('params') };
  if (found.length > 0)
    return {
      problems: found.map((reason) => (pathProblem === undefined ? { reason, path: path as string } : { reason })),
    };
  const fields: Record<string, unknown> = {};
  for (const key of PLAIN_KEYS) if (item[key] !== undefined && item[key] !== null) fields[key] = item[key];
  for (const [key, value] of Object.entries(copied)) if (value !== undefined) fields[key] = value;
  return { url: path as string, fields, markdown: (item['markdown'] as string | undefined) ?? '' };
}

/**
 * `params`, `image` or `aliases` as plain JSON, as a front matter's would be
 * (what is inside is checked as its is); a problem is added to `found`.
 */
function copyJson(
  value: unknown,
  at: string,
  field: { kinds: readonly string[]; expected: string },
  found: string[],
): unknown {
  if (value === undefined || value === null) return undefined;
  const kind = Array.isArray(value) ? 'list' : typeof value === 'string' ? 'text' : typeof value;
  if (!field.kinds.includes(kind)) {
    found.push(`Unexpected ${describeKind(value)} for ${at}, expected ${field.expected}`);
    return undefined;
  }
  if (kind === 'text') return value;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch (error) {
    found.push(`Unexpected ${at} that is not JSON data (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/**
 * Why `path` cannot be a plugin page's address ({at} stands for where it
 * was given), or undefined. Every segment must be a slug as `createSlug`
 * makes one, so the output path it becomes stays inside the output folder
 * and reads as a content page's would.
 */
export function findPathProblem(path: unknown): string | undefined {
  const wrong = (why: string) =>
    `Unexpected ${typeof path === 'string' ? `path ${JSON.stringify(path)}` : describeKind(path)} for {at}${why}, expected ${EXAMPLE}`;
  if (path === undefined || path === null) return `Missing {at}, expected ${EXAMPLE}`;
  if (typeof path !== 'string') return wrong('');
  const invisible = findInvisibleCharacter(path);
  if (invisible !== undefined) return wrong(`: it has ${invisible}`);
  if (/[?#]/.test(path)) return wrong(': it has a query or a fragment');
  if (!path.startsWith('/') || !path.endsWith('/') || path === '/') return wrong('');
  for (const segment of path.slice(1, -1).split('/')) {
    const problem = findSegmentProblem(segment);
    if (problem !== undefined) return wrong(`: it ${problem}`);
    const slug = createSlug(segment);
    if (slug !== segment) return wrong(`: "${segment}" is not a slug${slug ? ` (as "${slug}" is)` : ''}`);
  }
  return undefined;
}

/** A value's kind, for messages: `number 3`, `list`, `undefined`. */
function describeKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object' || typeof value === 'function') return typeof value;
  return `${typeof value} ${String(value)}`;
}
