import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Instant } from '../i18n/instant.js';
import { parseDate } from '../i18n/parse-date.js';
import { createSlug } from '../url/slug.js';
import { describeValue, type FieldContext, readBoolean, readText, reportField } from './field-checks.js';
import type { FrontMatter } from './front-matter.js';
import { readImage } from './read-image.js';
import { readAliases, readParams } from './read-shared-fields.js';
import { MENU_NAMES, type MenuName, PAGES_FOLDER, type PageData } from './standalone-page.js';

/** The template a page is rendered with when it names none. */
export const DEFAULT_PAGE_LAYOUT = 'page';

/**
 * Validates a standalone page's front matter (`content/pages/…`) and works
 * out its URL from its path: `pages/redaksi.md` is `/redaksi/`,
 * `pages/tentang/kontak.md` is `/tentang/kontak/`, a bundle's
 * `pages/tentang/index.md` is `/tentang/`; `slug` renames the last part.
 * Pure; every problem of the file is reported at its key.
 */
export function checkPage(
  sourcePath: string,
  file: string,
  frontMatter: FrontMatter,
  options: { readonly timeZone: string },
): { ok: true; page: PageData } | { ok: false; diagnostics: Diagnostic[] } {
  const context: FieldContext = { file, frontMatter, diagnostics: [] };
  const data = frontMatter.data;
  const title = readText(context, 'title', data['title'], { required: true });
  const updated = readUpdated(context, data['updated'], options.timeZone);
  const layout = readLayout(context, data['layout']);
  const menus = readMenus(context, data['menu']);
  const location = locatePage(context, sourcePath, data['slug']);
  const page = {
    summary: readText(context, 'summary', data['summary']),
    description: readText(context, 'description', data['description']),
    image: readImage(context, data['image'], undefined),
    aliases: readAliases(context, data),
    draft: readBoolean(context, 'draft', data['draft']),
    params: readParams(context, data['params']),
  };
  if (context.diagnostics.length > 0 || !title || !location) return { ok: false, diagnostics: context.diagnostics };
  return {
    ok: true,
    page: {
      sourcePath,
      ...location,
      title,
      ...page,
      updated,
      layout,
      layoutPlace: frontMatter.locate(['layout']),
      menus,
      bodyLine: frontMatter.bodyLine,
      slugPlace: frontMatter.locate(['slug'], { key: true }) ?? frontMatter.locate(['title'], { key: true }),
    },
  };
}

function readUpdated(context: FieldContext, value: unknown, timeZone: string): Instant | undefined {
  if (value === undefined || value === null) return undefined;
  const result = parseDate(value, timeZone);
  if (result.ok) return result.instant;
  reportField(context, ['updated'], result.reason, 'front-matter-updated');
  return undefined;
}

function readLayout(context: FieldContext, value: unknown): string {
  const layout = readText(context, 'layout', value);
  if (layout === undefined) return DEFAULT_PAGE_LAYOUT;
  if (/^[a-z0-9][a-z0-9_-]*$/i.test(layout) && layout !== 'layout') return layout;
  reportField(
    context,
    ['layout'],
    `Unexpected layout "${layout}", expected the name of a template such as page (for templates/page.hbs)`,
    'front-matter-layout',
  );
  return DEFAULT_PAGE_LAYOUT;
}

/** `menu: footer` or `menu: [main, footer]`. */
function readMenus(context: FieldContext, value: unknown): MenuName[] {
  if (value === undefined || value === null) return [];
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const menus: MenuName[] = [];
  for (const item of items) {
    const name = MENU_NAMES.find((menu) => menu === item);
    if (name) {
      if (!menus.includes(name)) menus.push(name);
      continue;
    }
    reportField(
      context,
      ['menu'],
      `Unexpected ${typeof item === 'string' ? `menu "${item}"` : describeValue(item)} for \`menu\`, expected ${MENU_NAMES.join(' or ')}`,
      'front-matter-menu',
    );
  }
  return menus;
}

/** The page's key and URL from its path below `pages/`, each folder and the name made a slug. */
function locatePage(
  context: FieldContext,
  sourcePath: string,
  slugValue: unknown,
): { key: string; url: string } | undefined {
  const parts = sourcePath.slice(PAGES_FOLDER.length).replace(/\.md$/, '').split('/');
  if (parts.length > 1 && parts.at(-1) === 'index') parts.pop();
  const key = parts.join('/');
  const slugs = parts.map((part) => createSlug(part));
  const explicit = readText(context, 'slug', slugValue);
  if (explicit !== undefined) {
    if (createSlug(explicit) !== explicit) {
      reportField(
        context,
        ['slug'],
        `Unexpected slug "${explicit}", expected lower-case letters, digits and hyphens${createSlug(explicit) ? ` such as "${createSlug(explicit)}"` : ''}`,
        'front-matter-slug',
      );
      return undefined;
    }
    slugs[slugs.length - 1] = explicit;
  }
  if (slugs.some((slug) => !slug)) {
    reportField(
      context,
      ['title'],
      `Unexpected path "${sourcePath}", expected folder and file names with letters or digits to make a URL from`,
      'front-matter-slug',
      'Rename the file or folder, or add a `slug:` field.',
    );
    return undefined;
  }
  // `pages/index.md` claims the home page's URL: the collision check names both.
  const url = key === 'index' && explicit === undefined ? '/' : `/${slugs.join('/')}/`;
  return { key, url };
}
