import path from 'node:path';
import { closestMatch } from 'leven';
import { stringify } from 'yaml';
import { createStableId } from '../content/check-article.js';
import { ARTICLE_PLACEHOLDERS, PAGE_PLACEHOLDERS } from '../content/placeholder-body.js';
import { ARTICLE_KINDS, type ArticleKind, nearestKind } from '../content/read-kind.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { toInstant } from '../i18n/parse-date.js';
import { findSegmentProblem, MAX_SEGMENT_BYTES } from '../url/path-segment.js';
import { describeReservedFolder, describeTakenPageUrl } from '../url/reserved-folders.js';
import { createSlug } from '../url/slug.js';
import { starterLanguage } from './read-starter-content.js';

/** What `newsgen new` was asked for, with the site settings it needs. */
export interface NewArticleInput {
  readonly title: string;
  /** Section slug or name from `--section`; the first configured section when absent. */
  readonly section: string | undefined;
  readonly author: string | undefined;
  /** `--kind`: opinion, analysis…, written as `kind:` (news, the default, is left out). */
  readonly kind?: string | undefined;
  /** `--live`: a live blog whose body starts with a first update dated now. */
  readonly live?: boolean | undefined;
  readonly sections: readonly { readonly slug: string }[];
  readonly locale: string;
  readonly timeZone: string;
  /** The build clock: the article is dated at this minute, unless `date` is given. */
  readonly now: Date;
  /** `--date`: the article's date (ms since the epoch), as given; a later one schedules it. */
  readonly date?: number | undefined;
}

/** A new article's place under the content folder and its text. */
export interface NewArticle {
  /** Path relative to the content folder, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

/**
 * The file `newsgen new` writes: `<section>/<slug>.md` with the title, the
 * date (this minute, or `date`, in the site's time zone, with its offset), its feed
 * `id` (the one its path gives, kept if it moves), the author when given,
 * and empty tags and summary to fill in. Pure.
 */
export function planNewArticle(input: NewArticleInput): NewArticle {
  const slug = fileSlugOf(input.title);
  const section = input.section === undefined ? input.sections[0]?.slug : createSlug(input.section);
  const hint = 'Name the section: newsgen new "Judul" --section nasional';
  if (!section)
    throw new NewsgenError(
      input.section === undefined
        ? 'Missing --section: the config lists no sections to choose the first of'
        : `Unexpected section "${input.section}", expected a name or slug`,
      { code: 'usage', exitCode: 2, hint },
    );
  const problem = findSegmentProblem(section);
  if (problem)
    throw new NewsgenError(`Unexpected section "${input.section}": its folder ${problem}, which the build refuses`, {
      code: 'usage',
      exitCode: 2,
      hint,
    });
  // Folders the build reads otherwise (profiles, standalone pages), or whose address the site's own pages have.
  const taken =
    section === 'authors' || section === 'pages'
      ? `content/${section}/ holds ${section === 'authors' ? 'author profiles' : 'standalone pages'}, not articles`
      : describeReservedFolder(section) &&
        `its listing /${section}/ would take the address of ${describeReservedFolder(section)}`;
  if (taken)
    throw new NewsgenError(`Unexpected section "${input.section}": ${taken}`, { code: 'usage', exitCode: 2, hint });
  const kind = input.kind === undefined ? 'news' : checkKindFlag(input.kind);
  const minute = Math.floor(input.now.getTime() / 60_000) * 60_000;
  const date = toInstant(input.date ?? minute, input.timeZone).iso;
  const field = (key: string, value: unknown): string => stringify({ [key]: value }).trimEnd();
  const file = path.posix.join(section, `${slug}.md`);
  // A line the build warns about until it is written over (see `findPlaceholder`).
  const body = ARTICLE_PLACEHOLDERS[starterLanguage(input.locale)];
  const lines = [
    '---',
    field('title', input.title.trim()),
    `date: ${date}`,
    // The id the build gives it from its path, written down: moved or renamed later, the article keeps its
    // feed id, where a default one changed and feed readers showed it again as new.
    `id: ${createStableId(file)}`,
    ...(input.author === undefined ? [] : [field('author', input.author)]),
    ...(kind === 'news' ? [] : [`kind: ${kind}`]),
    ...(input.live ? ['live: true'] : []),
    'tags: []',
    'summary:',
    '---',
    '',
    // A live blog's first update, dated as the article: the next ones go above it, newest first.
    ...(input.live ? [`:::update{time="${date}"}`, body, ':::'] : [body]),
    '',
  ];
  return { path: file, text: lines.join('\n') };
}

/** `--kind` as written: one of the kinds in any case, else a usage error naming them and the nearest. */
function checkKindFlag(value: string): ArticleKind {
  const text = value.trim().toLowerCase();
  if ((ARTICLE_KINDS as readonly string[]).includes(text)) return text as ArticleKind;
  const nearest = nearestKind(text);
  throw new NewsgenError(
    `Unexpected --kind "${value}", expected one of ${ARTICLE_KINDS.join(', ')}${nearest ? `: did you mean "${nearest}"?` : ''}`,
    { code: 'usage', exitCode: 2 },
  );
}

/**
 * A warning for an article `new` wrote into a section the site does not have
 * yet (no configured section, no folder of the content) whose slug is a
 * typing slip away from one it has (`nwes` for `news`): the build would start
 * a new section, with its own listing and place in the navigation. A name far
 * from every section is taken as a new section on purpose, without a word.
 * `known` is the configured sections' slugs and the content's folders. Pure.
 */
export function findNewSectionSlip(
  article: NewArticle,
  known: readonly string[],
  shown: string,
): Diagnostic | undefined {
  const section = article.path.split('/')[0] ?? '';
  if (known.includes(section)) return undefined;
  // Two edits is one swapped pair (`nwes`); in a name of three letters or fewer, two is most of it.
  const maxDistance = section.length <= 3 ? 1 : Math.max(2, Math.floor(section.length / 3));
  const meant = closestMatch(section, [...new Set(known)], { maxDistance });
  if (meant === undefined) return undefined;
  // The folders as the path shown names them (the content folder may be another: --content).
  const folder = (name: string) => `${path.join(path.dirname(path.dirname(shown)), name)}${path.sep}`;
  return createDiagnostic({
    file: shown,
    severity: 'warning',
    reason: `Unexpected section "${section}", which the site does not have yet: did you mean "${meant}"?`,
    ruleId: 'new-section-unknown',
    hint: `Move the file to ${folder(meant)} if that is the section meant; kept in ${folder(section)}, it starts a new section (list it in the config's sections to give it its place and name).`,
  });
}

/** What `newsgen new --page` was asked for, with the site settings it needs. */
export interface NewPageInput extends Pick<NewArticleInput, 'title' | 'locale'> {
  /** The site's sections, by slug or folder name (configured, or a folder of the content): each has a listing at `/<slug>/`. */
  readonly sections: readonly string[];
}

/**
 * The file `newsgen new --page` writes: `pages/<slug>.md`, a standalone page
 * (About, Contact) with its title and an empty summary; pages have no date,
 * section or author. Throws a usage error when the site's own pages already
 * have its URL (`/tag/`, a section's listing, `/` for `Index`). Pure.
 */
export function planNewPage(input: NewPageInput): NewArticle {
  const slug = fileSlugOf(input.title);
  const taken = describeTakenPageUrl(slug, input.sections.map(createSlug));
  if (taken)
    throw new NewsgenError(
      `Unexpected title "${input.title}": its page's URL ${slug === 'index' ? '/' : `/${slug}/`} is the address of ${taken}`,
      {
        code: 'usage',
        exitCode: 2,
        hint: 'Pass another title (the file name and the URL are made from it), then change the title in the file: the URL stays.',
      },
    );
  const title = stringify({ title: input.title.trim() }).trimEnd();
  const lines = ['---', title, 'summary:', '---', '', PAGE_PLACEHOLDERS[starterLanguage(input.locale)], ''];
  return { path: path.posix.join('pages', `${slug}.md`), text: lines.join('\n') };
}

/** Bytes a file name may take before its `.md`: the build refuses a longer slug (see `findSegmentProblem`). */
const MAX_SLUG_BYTES = MAX_SEGMENT_BYTES - '.md'.length;

/**
 * The file name (and so the URL slug) made from a title: its slug, cut after
 * the last whole word that fits when it is too long for a file name.
 * Throws a usage error for a title without words, or one whose slug the
 * build would refuse (`CON`, a device name Windows reserves).
 */
function fileSlugOf(title: string): string {
  const full = createSlug(title);
  if (title.trim() === '' || full === '')
    throw new NewsgenError(`Unexpected title "${title}", expected words to make a file name from`, {
      code: 'usage',
      exitCode: 2,
    });
  let slug = full;
  while (Buffer.byteLength(slug, 'utf8') > MAX_SLUG_BYTES) {
    const cut = slug.lastIndexOf('-');
    // One word longer than a file name: cut inside it, on a character.
    slug = cut > 0 ? slug.slice(0, cut) : Array.from(slug).slice(0, -1).join('');
  }
  const problem = findSegmentProblem(slug);
  if (problem)
    throw new NewsgenError(`Unexpected title "${title}": its file name ${problem}, which the build refuses`, {
      code: 'usage',
      exitCode: 2,
      hint: 'Add a word to the title (the file name is made from it); the headline can be changed in the file afterwards.',
    });
  return slug;
}
