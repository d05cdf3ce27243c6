import path from 'node:path';
import { stringify } from 'yaml';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { toInstant } from '../i18n/parse-date.js';
import { createSlug } from '../url/slug.js';
import { starterLanguage } from './read-starter-content.js';

/** What `newsgen new` was asked for, with the site settings it needs. */
export interface NewArticleInput {
  readonly title: string;
  /** Section slug or name from `--section`; the first configured section when absent. */
  readonly section: string | undefined;
  readonly author: string | undefined;
  readonly sections: readonly { readonly slug: string }[];
  readonly locale: string;
  readonly timeZone: string;
  /** The build clock: the article is dated at this minute. */
  readonly now: Date;
}

/** A new article's place under the content folder and its text. */
export interface NewArticle {
  /** Path relative to the content folder, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

const BODY: Readonly<Record<'id' | 'en', string>> = {
  id: 'Tulis isi berita di sini.',
  en: 'Write the story here.',
};

/**
 * The file `newsgen new` writes: `<section>/<slug>.md` with the title, the
 * date (this minute, in the site's time zone, with its offset), the author
 * when given, and empty tags and summary to fill in. Pure.
 */
export function planNewArticle(input: NewArticleInput): NewArticle {
  const slug = createSlug(input.title);
  if (input.title.trim() === '' || slug === '')
    throw new NewsgenError(`Unexpected title "${input.title}", expected words to make a file name from`, {
      code: 'usage',
      exitCode: 2,
    });
  const section = input.section === undefined ? input.sections[0]?.slug : createSlug(input.section);
  if (!section)
    throw new NewsgenError(
      input.section === undefined
        ? 'Missing --section: the config lists no sections to choose the first of'
        : `Unexpected section "${input.section}", expected a name or slug`,
      { code: 'usage', exitCode: 2, hint: 'Name the section: newsgen new "Judul" --section nasional' },
    );
  const minute = Math.floor(input.now.getTime() / 60_000) * 60_000;
  const field = (key: string, value: unknown): string => stringify({ [key]: value }).trimEnd();
  const lines = [
    '---',
    field('title', input.title.trim()),
    `date: ${toInstant(minute, input.timeZone).iso}`,
    ...(input.author === undefined ? [] : [field('author', input.author)]),
    'tags: []',
    'summary:',
    '---',
    '',
    BODY[starterLanguage(input.locale)],
    '',
  ];
  return { path: path.posix.join(section, `${slug}.md`), text: lines.join('\n') };
}

const PAGE_BODY: Readonly<Record<'id' | 'en', string>> = {
  id: 'Tulis isi halaman di sini.',
  en: 'Write the page here.',
};

/**
 * The file `newsgen new --page` writes: `pages/<slug>.md`, a standalone page
 * (About, Contact) with its title and an empty summary; pages have no date,
 * section or author. Pure.
 */
export function planNewPage(input: Pick<NewArticleInput, 'title' | 'locale'>): NewArticle {
  const slug = createSlug(input.title);
  if (input.title.trim() === '' || slug === '')
    throw new NewsgenError(`Unexpected title "${input.title}", expected words to make a file name from`, {
      code: 'usage',
      exitCode: 2,
    });
  const title = stringify({ title: input.title.trim() }).trimEnd();
  const lines = ['---', title, 'summary:', '---', '', PAGE_BODY[starterLanguage(input.locale)], ''];
  return { path: path.posix.join('pages', `${slug}.md`), text: lines.join('\n') };
}
