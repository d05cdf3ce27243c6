import { expandComponents } from '../markdown/expand-components.js';
import type { MenuItem, SiteMenus, StandalonePage, Term } from '../site/site.js';
import { rebaseHtml } from '../url/absolutize-html.js';
import { createDateView, createImageView, type ViewContext } from './view-context.js';
import type { LinkView, MenuItemView, PageEntryView, PageMetaView, SiteView } from './view-model.js';
import { wrapBodyTables } from './wrap-tables.js';

/** What every page shows around its content: the section navigation and the menus, made once per build. */
export interface SiteChrome {
  readonly nav: readonly LinkView[];
  readonly menus: SiteView['menus'];
}

/** The navigation and menus as templates get them; without a main menu, the header's menu is the sections. */
export function createSiteChrome(sections: readonly Term[], menus: SiteMenus, context: ViewContext): SiteChrome {
  const item = (entry: MenuItem): MenuItemView => ({
    name: entry.title,
    url: entry.external ? entry.url : context.href(entry.url),
    external: entry.external,
    children: entry.children.map(item),
  });
  const nav = sections.map((term) => ({ name: term.name, url: context.href(term.url) }));
  const main = menus.main?.map(item) ?? nav.map((link) => ({ ...link, external: false, children: [] }));
  return { nav, menus: { main, footer: menus.footer.map(item) } };
}

/** A standalone page's content and the parts of its metadata that differ from a listing's. */
export function createStandaloneView(
  page: StandalonePage,
  context: ViewContext,
): {
  entry: PageEntryView;
  layout: string;
  breadcrumbs: LinkView[];
  meta: Pick<PageMetaView, 'title' | 'description'>;
} {
  const { entry } = page;
  const home = context.strings['home'] ?? 'Home';
  const expanded = expandComponents(context.bodies.html(entry), context.renderComponent);
  const body = context.images?.body(expanded, entry.sourcePath) ?? expanded;
  return {
    layout: entry.layout,
    entry: {
      title: entry.title,
      summary: entry.summary,
      html: wrapBodyTables(rebaseHtml(body, context.config.basePath), context),
      image: entry.image && createImageView(context, entry.image, 'lead', entry.sourcePath),
      updated: entry.updated && createDateView(context, entry.updated),
      draft: entry.draft,
      params: entry.params,
    },
    breadcrumbs: [
      { name: home, url: context.href('/') },
      ...page.parents.map((parent) => ({ name: parent.title, url: context.href(parent.url) })),
      { name: entry.title, url: context.href(page.url) },
    ],
    meta: { title: entry.title, description: entry.excerpt },
  };
}
