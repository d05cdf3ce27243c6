import type { MenuEntryConfig, MenusConfig } from '../config/resolved-config.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { MenuItem, SiteMenus, StandalonePage, Term } from './site.js';

/**
 * Resolves the configured menus against the site: `{ page }` entries to the
 * page's URL (and title), `{ section }` entries to the section's listing
 * (and name); then pages that ask for a menu (`menu: footer`) join its end,
 * in path order, unless the config lists them there already. An entry that points at no published page or section is an
 * error at its config key. Pure.
 */
export function resolveSiteMenus(
  config: MenusConfig,
  pages: readonly StandalonePage[],
  sections: readonly Term[],
): { menus: SiteMenus; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map(pages.map((page) => [page.entry.key, page]));
  const bySlug = new Map(sections.map((term) => [term.slug, term]));
  const resolve = (entries: readonly MenuEntryConfig[]): MenuItem[] =>
    entries.flatMap((entry) => {
      const item = resolveEntry(entry, byKey, bySlug, diagnostics);
      return item ? [{ ...item, children: resolve(entry.children) }] : [];
    });
  // A page the config already lists (anywhere in that menu) does not join it a second time.
  const joining = (name: 'main' | 'footer', listed: readonly MenuItem[]): MenuItem[] =>
    pages
      .filter((page) => page.entry.menus.includes(name) && !containsUrl(listed, page.url))
      .map((page) => ({ title: page.entry.title, url: page.url, external: false, children: [] }));
  const configuredMain = config.main ? resolve(config.main) : sectionItems(sections);
  const mainJoining = joining('main', configuredMain);
  const main = config.main || mainJoining.length > 0 ? [...configuredMain, ...mainJoining] : undefined;
  const footer = resolve(config.footer ?? []);
  return { menus: { main, footer: [...footer, ...joining('footer', footer)] }, diagnostics };
}

function containsUrl(items: readonly MenuItem[], url: string): boolean {
  return items.some((item) => item.url === url || containsUrl(item.children, url));
}

function sectionItems(sections: readonly Term[]): MenuItem[] {
  return sections.map((term) => ({ title: term.name, url: term.url, external: false, children: [] }));
}

function resolveEntry(
  entry: MenuEntryConfig,
  pages: ReadonlyMap<string, StandalonePage>,
  sections: ReadonlyMap<string, Term>,
  diagnostics: Diagnostic[],
): Omit<MenuItem, 'children'> | undefined {
  const { kind, value } = entry.target;
  if (kind === 'url') {
    const external = !value.startsWith('/');
    return { title: entry.title ?? value, url: value, external };
  }
  const found = kind === 'page' ? pages.get(value.replace(/^\/+|\/+$|\.md$/g, '')) : sections.get(value);
  if (found) {
    const title = entry.title ?? ('entry' in found ? found.entry.title : found.name);
    return { title, url: found.url, external: false };
  }
  diagnostics.push(
    createDiagnostic({
      file: entry.where.file,
      place: entry.where.place,
      reason:
        kind === 'page'
          ? `Unexpected menu entry for page "${value}", expected a published page: there is no content/pages/${value}.md (key \`${entry.where.key}\`)`
          : `Unexpected menu entry for section "${value}", expected a section with published articles (key \`${entry.where.key}\`)`,
      ruleId: 'menu-target-missing',
      hint:
        kind === 'page'
          ? 'Name the page by its path under content/pages/ without .md (redaksi, tentang/kontak); drafts are only built with --drafts.'
          : 'Use the section slug (its folder under content/), and publish an article in it.',
    }),
  );
  return undefined;
}
