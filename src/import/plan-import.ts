import path from 'node:path';
import { stringify } from 'yaml';
import { createStableId } from '../content/check-article.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { compilePermalink } from '../site/permalink.js';
import { createBodyConverter } from './convert-body.js';
import { type MappedItem, mapItem } from './map-item.js';
import { isSameHost, resolveOldAddress } from './old-address.js';
import { planPagePaths } from './page-paths.js';
import type { WxrExport, WxrItem } from './read-wxr.js';

/** The site settings an import needs. */
export interface ImportSettings {
  readonly timeZone: string;
  /** The site's address, with its path: old permalinks become aliases relative to it. */
  readonly baseUrl: string;
  /** The article URL pattern (`/:section/:slug/`). */
  readonly permalink: string;
  /** The slugs of the config's sections, whose listings no imported page may take. */
  readonly sections: readonly string[];
  /** The section of posts without a usable category. */
  readonly fallbackSection: string;
  /** How the content folder is shown in messages (`content`). */
  readonly contentLabel: string;
}

/** A file the import writes, relative to the content folder with `/` separators. */
export interface PlannedFile {
  readonly path: string;
  readonly kind: 'article' | 'page';
  readonly text: string;
}

/** Everything an import writes and reports, decided before anything is written. */
export interface ImportPlan {
  readonly files: readonly PlannedFile[];
  /** Items left out, counted by why: `attachment`, `revision`, `nav_menu_item`, `trash`… */
  readonly skipped: Readonly<Record<string, number>>;
  readonly diagnostics: readonly Diagnostic[];
  /** Hosts the images are served from, to copy them from before the old site goes. */
  readonly mediaHosts: readonly string[];
  /** Hosts of old permalinks that are not the `baseUrl`'s: their aliases answer only once they forward to it. */
  readonly oldHosts: readonly string[];
  /** Old permalinks outside the `baseUrl`'s path, which no alias can redirect, in export order. */
  readonly outside: readonly string[];
}

/** An image's URL in a body or a featured image, its host captured. */
const IMAGE_URL = /https?:\/\/([^/"'\s]+)\/[^"'\s]*?\.(?:jpe?g|png|gif|webp|avif|svg)\b/gi;

const IMPORTED_STATUSES: ReadonlySet<string> = new Set(['publish', 'future', 'draft', 'pending', 'private']);

/** Plans the files of a WordPress export: one article per post, one standalone page per page. Pure. */
export function planImport(wxr: WxrExport, settings: ImportSettings): ImportPlan {
  const attachments = new Map(wxr.items.filter((item) => item.type === 'attachment').map((item) => [item.id, item]));
  const context = { ...settings, authors: wxr.authors, attachments, convert: createBodyConverter(attachments) };
  const toUrl = compilePermalink(settings.permalink);
  const skipped: Record<string, number> = {};
  const imported: WxrItem[] = [];
  for (const item of wxr.items) {
    const reason = skipReason(item);
    if (reason === undefined) imported.push(item);
    else skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  const files: PlannedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const mappedItems = imported.map((item) => ({ item, ...mapItem(item, context) }));
  const folders = mappedItems.filter((each) => each.kind === 'article').map((each) => each.folder);
  const pagePaths = planPagePaths(
    imported.filter((item) => item.type === 'page'),
    [...new Set([...settings.sections, ...folders])],
    settings.contentLabel,
    diagnostics,
  );
  const taken = new Set<string>();
  const hosts = new Set<string>();
  const oldHosts = new Set<string>();
  const outside: string[] = [];
  for (const { item, ...mapped } of mappedItems) {
    const pagePath = pagePaths.get(item);
    const file = pagePath?.file ?? claimPath(mapped, taken, settings.contentLabel, diagnostics);
    const id = createStableId(file);
    const url =
      mapped.kind === 'page'
        ? `/${file.slice('pages/'.length).replace(/(\/index)?\.md$/, '')}/`
        : toUrl({ slug: path.posix.basename(file, '.md'), id, date: { time: 0, iso: mapped.dateIso } }, mapped.folder);
    const old = resolveOldAddress(item.link, settings.baseUrl);
    if (old.kind === 'outside') outside.push(old.path);
    if (old.kind === 'alias' && !isSameHost(old.host, new URL(settings.baseUrl).host)) oldHosts.add(old.host);
    const fields = {
      ...mapped.fields,
      ...(mapped.kind === 'article' ? { id } : {}),
      ...(old.kind === 'alias' && old.path !== url && old.path !== pagePath?.displacedFrom
        ? { aliases: [old.path] }
        : {}),
    };
    const yaml = stringify(fields, { lineWidth: 0 });
    const text = `---\n${yaml}---\n\n${mapped.body}\n`;
    for (const { at, occurrence, ...warning } of mapped.warnings)
      diagnostics.push(
        createDiagnostic({
          file: `${settings.contentLabel}/${file}`,
          place: placeOf(text, at, occurrence),
          severity: 'warning',
          ...warning,
        }),
      );
    const featured = attachments.get(item.meta._thumbnail_id ?? '')?.attachmentUrl ?? '';
    for (const match of `${item.content} ${featured}`.matchAll(IMAGE_URL)) if (match[1]) hosts.add(match[1]);
    files.push({ path: file, kind: mapped.kind, text });
  }
  return { files, skipped, diagnostics, mediaHosts: [...hosts].sort(), oldHosts: [...oldHosts].sort(), outside };
}

/** Why an item is not imported (its type, or `trash` for a trashed post), or undefined when it is. */
function skipReason(item: WxrItem): string | undefined {
  if (item.type !== 'post' && item.type !== 'page') return item.type || 'unknown';
  if (IMPORTED_STATUSES.has(item.status)) return undefined;
  return item.status === 'trash' ? 'trash' : item.status || 'unknown';
}

/** The line and column of the `occurrence`th `needle` in the body of the written file, when it is there. */
function placeOf(text: string, needle: string, occurrence = 0): Place | undefined {
  let index = text.indexOf('\n---\n') + 4;
  for (let n = 0; n <= occurrence && index >= 0; n += 1) index = text.indexOf(needle, index + (n > 0 ? 1 : 0));
  if (index < 0) return undefined;
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** `<folder>/<slug>.md`, numbered (`-2`) with a warning when an earlier item of the export has it. */
function claimPath(mapped: MappedItem, taken: Set<string>, label: string, diagnostics: Diagnostic[]): string {
  const first = `${mapped.folder}/${mapped.slug}.md`;
  let file = first;
  for (let n = 2; taken.has(file); n += 1) file = `${mapped.folder}/${mapped.slug}-${n}.md`;
  taken.add(file);
  if (file !== first)
    diagnostics.push(
      createDiagnostic({
        file: `${label}/${file}`,
        place: { line: 2, column: 1 },
        severity: 'warning',
        reason: `Unexpected second post with the slug "${mapped.slug}" in ${mapped.folder}/, written as ${path.posix.basename(file)}`,
        ruleId: 'import-duplicate-slug',
        cause: { file: `${label}/${first}` },
      }),
    );
  return file;
}
