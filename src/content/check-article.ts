import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Instant } from '../i18n/instant.js';
import { parseDate } from '../i18n/parse-date.js';
import { describeReservedFolder } from '../url/reserved-folders.js';
import { createNameSlugChecker, createSlug } from '../url/slug.js';
import type { ArticleData } from './article.js';
import { checkNameSlugs, checkSlugSegment } from './check-url-names.js';
import { reportExpiryBeforeDate, warnFeaturedUntilAlone } from './date-relations.js';
import { type FieldContext, readBoolean, readNames, readText, reportField, reportSkippedTime } from './field-checks.js';
import type { FrontMatter } from './front-matter.js';
import { locateNames } from './locate-names.js';
import { findLastChange, readCorrections } from './read-corrections.js';
import { readImage } from './read-image.js';
import { readKind } from './read-kind.js';
import { readLive } from './read-live.js';
import { readAliases, readParams } from './read-shared-fields.js';

/** What `checkArticle` needs from the site configuration. */
export interface ArticleCheckOptions {
  readonly timeZone: string;
  /** {@link createSlug} of tag and author names, memoised across the files a caller checks (default: not memoised). */
  readonly nameSlug?: (name: string) => string;
}

/** The options for checking many articles in `timeZone`: each tag and author name is slugged once. */
export function createArticleCheckOptions(timeZone: string): ArticleCheckOptions {
  return { timeZone, nameSlug: createNameSlugChecker() };
}

/**
 * Validates one article's front matter and normalises it (the `validate`
 * stage): pure, reports every problem of the file at its key's position.
 */
export function checkArticle(
  sourcePath: string,
  file: string,
  frontMatter: FrontMatter,
  options: ArticleCheckOptions,
): { ok: true; article: ArticleData; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const context: FieldContext = { file, frontMatter, diagnostics: [], warnings: [] };
  const data = frontMatter.data;
  const title = readText(context, 'title', data['title'], { required: true });
  const date = readDate(context, 'date', data['date'], options.timeZone, true);
  const updated = readDate(context, 'updated', data['updated'], options.timeZone, false);
  const expires = readDate(context, 'expires', data['expires'], options.timeZone, false);
  if (date && expires && expires.time <= date.time) reportExpiryBeforeDate(context, date, expires);
  const authors = readAuthors(context, data);
  const section = readSection(context, sourcePath, data['section']);
  const tags = readNames(context, 'tags', data['tags']);
  const image = readImage(context, data['image'], data['caption']);
  const slug = readSlug(context, sourcePath, data['slug']);
  const corrections = readCorrections(context, data['corrections'], options.timeZone);
  const explicitId = readId(context, data['id']);
  const summary = readText(context, 'summary', data['summary']);
  const dateline = readText(context, 'dateline', data['dateline']);
  const editor = readText(context, 'editor', data['editor']);
  const draft = readBoolean(context, 'draft', data['draft']);
  const aliases = readAliases(context, data);
  const params = readParams(context, data['params']);
  const featured = readBoolean(context, 'featured', data['featured']);
  const featuredUntil = readDate(context, 'featuredUntil', data['featuredUntil'], options.timeZone, false);
  if (featuredUntil && featured !== true) warnFeaturedUntilAlone(context);
  const { kind, sponsor } = readKind(context, data);
  const live = readLive(context, data, options.timeZone, date);
  const nameSlug = options.nameSlug ?? createSlug;
  checkNameSlugs(context, 'tags', tags, data['tags'], nameSlug);
  const authorsKey = 'authors' in data ? 'authors' : 'author';
  checkNameSlugs(context, authorsKey, authors, data[authorsKey], nameSlug);
  if (slug) checkSlugSegment(context, [data['slug'] ? 'slug' : 'title'], 'slug', slug, 'front-matter-slug');
  if (section)
    checkSlugSegment(
      context,
      [data['section'] ? 'section' : 'title'],
      'section',
      createSlug(section),
      'front-matter-section',
    );
  if (updated && date && updated.time < date.time)
    reportField(
      context,
      ['updated'],
      'Unexpected `updated` before `date`, expected the time of the last change, after publication',
      'front-matter-updated',
    );
  if (context.diagnostics.length > 0 || !title || !date || section === undefined || slug === undefined)
    return { ok: false, diagnostics: context.diagnostics };
  return {
    ok: true,
    warnings: context.warnings ?? [],
    article: {
      sourcePath,
      id: explicitId ?? createStableId(sourcePath),
      title,
      date,
      updated: findLastChange(updated, corrections, date),
      expires,
      authors,
      section,
      tags,
      image,
      summary,
      slug,
      dateline,
      editor,
      draft,
      corrections,
      aliases,
      featured,
      featuredUntil,
      kind,
      sponsor,
      ...live,
      params,
      bodyLine: frontMatter.bodyLine,
      slugPlace: frontMatter.locate(['slug'], { key: true }) ?? frontMatter.locate(['title'], { key: true }),
      idPlace: explicitId === undefined ? undefined : frontMatter.locate(['id'], { key: true }),
      namePlaces: locateNames(frontMatter, { tags, authors, authorsKey }),
    },
  };
}

/** A short id that stays the same for the life of the file path. */
export function createStableId(sourcePath: string): string {
  return createHash('sha256').update(sourcePath.replace(/\.md$/, '')).digest('hex').slice(0, 10);
}

function readId(context: FieldContext, value: unknown): string | undefined {
  const id = readText(context, 'id', value);
  if (id === undefined || /^[A-Za-z0-9_-]{1,100}$/.test(id)) return id;
  reportField(context, ['id'], `Unexpected id "${id}", expected letters, digits, "-" and "_" only`, 'front-matter-id');
  return undefined;
}

function readDate(
  context: FieldContext,
  key: 'date' | 'updated' | 'expires' | 'featuredUntil',
  value: unknown,
  timeZone: string,
  required: boolean,
): Instant | undefined {
  const code = key === 'featuredUntil' ? 'front-matter-featured' : (`front-matter-${key}` as const);
  if (value === undefined || value === null) {
    if (required)
      reportField(
        context,
        [key],
        `Missing \`${key}\`, expected the publication date and time`,
        code,
        'Add for example `date: 2016-09-09 10:46` (site time zone) or `date: 2016-09-09T10:46:00+07:00`.',
      );
    return undefined;
  }
  const result = parseDate(value, timeZone);
  if (!result.ok) {
    reportField(context, [key], result.reason, code);
    return undefined;
  }
  reportSkippedTime(context, key, value, timeZone, result);
  return result.instant;
}

function readAuthors(context: FieldContext, data: Readonly<Record<string, unknown>>): string[] {
  if (data['author'] !== undefined && data['authors'] !== undefined) {
    reportField(
      context,
      ['authors'],
      'Unexpected both `author` and `authors`, expected one of them',
      'front-matter-author',
      'Keep `authors:` with every name in one list.',
    );
    return [];
  }
  return data['authors'] !== undefined
    ? readNames(context, 'authors', data['authors'])
    : readNames(context, 'author', data['author']);
}

function readSection(context: FieldContext, sourcePath: string, value: unknown): string | undefined {
  const explicit = readText(context, 'section', value);
  if (explicit && !createSlug(explicit)) {
    reportField(
      context,
      ['section'],
      `Unexpected section "${explicit}", expected a name with letters or digits to make a URL from`,
      'front-matter-section',
    );
    return undefined;
  }
  // A section that is not text was reported by readText.
  if (!explicit && value !== undefined && value !== null && typeof value !== 'string') return undefined;
  const section = explicit || (sourcePath.includes('/') ? sourcePath.slice(0, sourcePath.indexOf('/')) : undefined);
  if (section === undefined) {
    reportField(
      context,
      ['title'],
      'Missing `section`, expected a `section:` field or the file inside a section folder',
      'front-matter-section',
      'Move the file to `content/<section>/` or add `section: Nasional`.',
    );
    return undefined;
  }
  const slug = createSlug(section);
  const taken = describeReservedFolder(slug);
  if (taken === undefined) return section;
  reportField(
    context,
    [explicit ? 'section' : 'title'],
    `Unexpected section "${section}", whose listing /${slug}/ would take the address of ${taken}`,
    'front-matter-section',
    explicit
      ? 'Give the section another name (`section: Tagar`).'
      : 'Move the file to another section folder, or name its section (`section: Tagar`).',
  );
  return undefined;
}

function readSlug(context: FieldContext, sourcePath: string, value: unknown): string | undefined {
  const explicit = readText(context, 'slug', value);
  if (explicit !== undefined) {
    const clean = createSlug(explicit);
    if (clean === explicit) return explicit;
    reportField(
      context,
      ['slug'],
      `Unexpected slug "${explicit}", expected lower-case letters, digits and hyphens${clean ? ` such as "${clean}"` : ''}`,
      'front-matter-slug',
    );
    return undefined;
  }
  if (value !== undefined && value !== null && typeof value !== 'string') return undefined;
  // A page bundle (`banjir/index.md`, beside its photos) is named by its folder.
  const parts = sourcePath.replace(/\.md$/, '').split('/');
  const name = (parts.length > 1 && parts.at(-1) === 'index' ? parts.at(-2) : parts.at(-1)) ?? '';
  const slug = createSlug(name);
  if (slug) return slug;
  reportField(
    context,
    ['title'],
    `Unexpected file name "${name}", expected letters or digits to make a URL slug from`,
    'front-matter-slug',
    'Rename the file or add a `slug:` field.',
  );
  return undefined;
}
