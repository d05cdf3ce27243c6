import type { MenuEntryConfig, MenusConfig } from '../config/resolved-config.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { MenuItem, SiteMenus, StandalonePage, Term } from './site.js';

/**
 * Resolves the configured menus against the site: `{ page }` entries to the
 * page's URL (and title), `{ section }` entries to the section's listing
 * (and name); then pages that ask for a menu (`menu: footer`) join its end,
 * in path order. An entry that points at no published page or section is an
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
  const joining = (name: 'main' | 'footer'): MenuItem[] =>
    pages
      .filter((page) => page.entry.menus.includes(name))
      .map((page) => ({ title: page.entry.title, url: page.url, external: false, children: [] }));
  const mainJoining = joining('main');
  const main =
    config.main || mainJoining.length > 0
      ? [...(config.main ? resolve(config.main) : sectionItems(sections)), ...mainJoining]
      : undefined;
  return { menus: { main, footer: [...resolve(config.footer ?? []), ...joining('footer')] }, diagnostics };
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
