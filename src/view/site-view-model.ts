/**
 * The site-wide part of the template data (`site` on every page) and the
 * links it holds; `view-model.ts` re-exports it with the rest.
 */

/** A date ready to print: machine value for `<time datetime>` and localized text. */
export interface DateView {
  /** ISO 8601 with offset, for `datetime`. */
  readonly iso: string;
  /** Long localized date and time, e.g. `Jumat, 09 Sep 2016 10:46 WIB`. */
  readonly display: string;
  /** Short localized date, e.g. `09 Sep 2016`. */
  readonly short: string;
}

/** A link ready to print. */
export interface LinkView {
  readonly name: string;
  readonly url: string;
}

/** Site-wide values, identical on every page. */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  /** BCP 47 language for `<html lang>`. */
  readonly lang: string;
  /** True for a language written right to left (Arabic, Hebrew, Persian, Urdu…): `<html dir="rtl">`. */
  readonly rtl: boolean;
  readonly locale: string;
  readonly timeZone: string;
  readonly baseUrl: string;
  readonly homeUrl: string;
  /** URL of the theme's stylesheet. */
  readonly cssUrl: string;
  /** URL of the theme's assets folder, ending in `/` (`/warta/assets/`), for `tokens.css` and scripts. */
  readonly assetsUrl: string;
  /** The search page's URL (`/search/`) when the site has search (`search: true`), else undefined. */
  readonly searchUrl: string | undefined;
  /** Section navigation in configured order. */
  readonly nav: readonly LinkView[];
  /** The menus: `main` is the configured main menu, or the sections when there is none; `footer` may be empty. */
  readonly menus: { readonly main: readonly MenuItemView[]; readonly footer: readonly MenuItemView[] };
  /** UI strings for the locale (after config overrides); use the `t` helper. */
  readonly strings: Readonly<Record<string, string>>;
  readonly publisher: { readonly name: string; readonly logo: string | undefined };
  /** The publisher's logo for the masthead, with its measured size when known. */
  readonly logo:
    | { readonly src: string; readonly width: number | undefined; readonly height: number | undefined }
    | undefined;
  /** The favicon: `publisher.icon`, or the SVG of the site's initial the build writes at `/assets/site-icon.svg`. */
  readonly icon: { readonly url: string; readonly type: string | undefined };
  /** Brand colour for `theme-color` and the generated favicon (`publisher.color`). */
  readonly themeColor: string;
  /** Year of the build clock in the site's time zone, for the copyright line. */
  readonly year: number;
  /** Feed autodiscovery links for the head. */
  readonly feeds: readonly FeedLinkView[];
  /** Data plugins' `siteModel` hooks give templates, by the key each chose (`{{site.data.mostRead}}`); empty without them. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A feed link: `title` for autodiscovery, `label` (`RSS`, `Atom`, `JSON Feed`) for the footer. */
export interface FeedLinkView {
  readonly type: string;
  readonly title: string;
  readonly label: string;
  readonly url: string;
}

/** A menu entry; `children` is a submenu (one level). */
export interface MenuItemView {
  readonly name: string;
  /** Ready to print: the base path applied to site paths; other URLs as configured. */
  readonly url: string;
  /** The link leaves the site. */
  readonly external: boolean;
  readonly children: readonly MenuItemView[];
}
