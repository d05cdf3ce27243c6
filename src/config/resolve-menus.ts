import type { ConfigChecker, KeyPath } from './config-checker.js';
import type { LoadedConfig } from './loaded-config.js';
import type { ConfigPlace, MenuEntryConfig, MenusConfig } from './resolved-config.js';

const ENTRY_KEYS = ['title', 'url', 'page', 'section', 'children'];
const TARGETS = ['url', 'page', 'section'] as const;

/**
 * `menus: { main: [...], footer: [...] }`: each entry `{ title, url }`,
 * `{ page: "redaksi" }` or `{ section: "nasional" }`, with an optional
 * `title` and `children` one level deep. Checked here for shape; whether a
 * page or section exists is checked with the site (`resolveSiteMenus`), at
 * the place kept in each entry.
 */
export function resolveMenus(check: ConfigChecker, loaded: LoadedConfig, value: unknown): MenusConfig {
  if (value === undefined || value === null) return { main: undefined, footer: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) {
    check.error(['menus'], 'Unexpected value, expected `{ "main": [...], "footer": [...] }`');
    return { main: undefined, footer: undefined };
  }
  const menus = value as Record<string, unknown>;
  const list = (name: 'main' | 'footer') =>
    menus[name] === undefined || menus[name] === null
      ? undefined
      : resolveEntries(check, loaded, menus[name], ['menus', name], true);
  return { main: list('main'), footer: list('footer') };
}

function resolveEntries(
  check: ConfigChecker,
  loaded: LoadedConfig,
  value: unknown,
  keyPath: KeyPath,
  top: boolean,
): MenuEntryConfig[] {
  if (!Array.isArray(value)) {
    check.error(keyPath, 'Unexpected value, expected a list of menu entries');
    return [];
  }
  return value.flatMap((item: unknown, index) => {
    const entry = resolveEntry(check, loaded, item, [...keyPath, index], top);
    return entry ? [entry] : [];
  });
}

function resolveEntry(
  check: ConfigChecker,
  loaded: LoadedConfig,
  item: unknown,
  keyPath: KeyPath,
  top: boolean,
): MenuEntryConfig | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    check.error(
      keyPath,
      'Unexpected menu entry, expected `{ "title": …, "url": … }`, `{ "page": … }` or `{ "section": … }`',
    );
    return undefined;
  }
  const fields = item as Record<string, unknown>;
  for (const key of Object.keys(fields))
    if (!ENTRY_KEYS.includes(key)) check.warn([...keyPath, key], `Unknown menu entry key \`${key}\`, ignored`);
  const targets = TARGETS.filter((key) => fields[key] !== undefined && fields[key] !== null);
  const title = check.text(fields, 'title', keyPath.map(String));
  if (targets.length !== 1) {
    check.error(
      keyPath,
      `Unexpected menu entry with ${targets.length === 0 ? 'no' : 'more than one'} target, expected exactly one of url, page or section`,
    );
    return undefined;
  }
  const kind = targets[0] as (typeof TARGETS)[number];
  const target = check.text(fields, kind, keyPath.map(String));
  if (target === undefined || target.trim() === '') {
    if (target !== undefined) check.error([...keyPath, kind], `Unexpected empty \`${kind}\``);
    return undefined;
  }
  if (kind === 'url' && title === undefined) {
    check.error(keyPath, 'Missing `title` for a menu entry with a `url`, expected the text to show');
    return undefined;
  }
  if (kind === 'url' && !/^(\/|https?:\/\/|mailto:)/i.test(target.trim())) {
    check.error(
      [...keyPath, 'url'],
      `Unexpected menu url "${target}", expected a site path (/tentang/) or an http(s) or mailto URL`,
    );
    return undefined;
  }
  let children: MenuEntryConfig[] = [];
  if (fields['children'] !== undefined && fields['children'] !== null) {
    if (top) children = resolveEntries(check, loaded, fields['children'], [...keyPath, 'children'], false);
    else
      check.error([...keyPath, 'children'], 'Unexpected `children` in a submenu, expected menus of at most two levels');
  }
  return { title, target: { kind, value: target.trim() }, children, where: placeOf(loaded, [...keyPath, kind]) };
}

/** Where a config value is written, kept for problems found later with the whole site. */
export function placeOf(loaded: LoadedConfig, keyPath: KeyPath): ConfigPlace {
  return {
    file: loaded.displayPath ?? 'newsgen.config',
    place: loaded.locate(keyPath),
    key: keyPath.join('.'),
  };
}
