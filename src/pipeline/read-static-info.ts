import { readFile } from 'node:fs/promises';
import { stampSize } from '../boundary/file-stamp.js';
import type { RefusedEntry } from '../boundary/resolve-link.js';
import { measureImageFile } from '../images/measure-image-file.js';
import { readStaticAside, STATIC_READS_ASIDE, type StaticToRead } from '../images/static-reads.js';
import type { StaticFile } from '../output/list-static-files.js';
import { runBounded } from '../output/run-bounded.js';
import { statStaticAside, statStaticFolder } from '../output/stat-static-files.js';
import type { StaticReadsAside } from '../output/static-keys.js';
import { wrapIoError } from '../output/wrap-io-error.js';
import type { ImageSize, ImageSizes, MeasuredImage, MeasuredImages } from '../site/image-size.js';
import { HOST_REDIRECTS_PATH } from '../syndication/redirect-files.js';
import { findScriptedSvgs, type ScriptedSvg } from './scripted-svgs.js';

/** Image files whose size is measured for `width`/`height` and Open Graph. */
const IMAGE_FILE = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/** The static folder's files and a stamp that changes when any of them does. */
export interface StaticListing {
  readonly files: readonly StaticFile[];
  /** Output paths it provides (`robots.txt`); generated files yield to them where that makes sense. */
  readonly paths: ReadonlySet<string>;
  /** `path size mtime` of every file, for the build's input fingerprint. */
  readonly stamp: string;
  /** Output path → `size:mtime`, the way `writeChanges` remembers static files. */
  readonly stamps: Readonly<Record<string, string>>;
  /** Each file's ctime (milliseconds) when it was statted, at the index of `files`. */
  readonly ctimes: readonly number[];
  /** Entries left out: links leading outside the site, special files. */
  readonly refused: readonly RefusedEntry[];
  /**
   * The text of `static/_redirects`, when there is one: merged into the
   * `_redirects` the build writes (see `createRedirectFiles`), so it is not
   * among `files` and `paths`; its stamp is in `stamp`.
   */
  readonly hostRedirects?: string | undefined;
  /** SVG files that can run script when opened by their own URL, with what was found (see `findSvgScript`). */
  readonly scriptedSvgs?: readonly ScriptedSvg[] | undefined;
}

/**
 * Lists the static folder (an I/O edge) with `stat` only: cheap enough for
 * every build, even a no-op one. With `aside`, on a thread of its own (see
 * `statStaticAside`), for a build that parses its cache meanwhile; on this
 * one when that thread cannot help.
 */
export async function readStaticListing(staticDir: string, { aside = false } = {}): Promise<StaticListing> {
  const folder = (aside ? await statStaticAside(staticDir) : undefined) ?? (await statStaticFolder(staticDir));
  const stamp = folder.files.map((file, index) => `${file.path} ${folder.stamps[index]}`).join('\n');
  const own = folder.files.findIndex((file) => file.path === HOST_REDIRECTS_PATH);
  const hostRedirects = own === -1 ? undefined : await readHostRedirects(folder.files[own] as StaticFile);
  // The site's own rules go into the `_redirects` the build writes: that file is not copied as it is.
  const kept = (_: unknown, index: number) => index !== own;
  const files = folder.files.filter(kept);
  const stampsOf = folder.stamps.filter(kept);
  const stamps: Record<string, string> = {};
  files.forEach((file, index) => {
    stamps[file.path] = stampsOf[index] as string;
  });
  const paths = new Set(files.map((file) => file.path));
  const ctimes = folder.ctimes.filter(kept);
  const scriptedSvgs = await findScriptedSvgs(files);
  return { files, paths, stamp, stamps, ctimes, refused: folder.refused, hostRedirects, scriptedSvgs };
}

async function readHostRedirects(file: StaticFile): Promise<string> {
  try {
    return await readFile(file.source, 'utf8');
  } catch (error) {
    throw wrapIoError(error, 'read the static file', file.source);
  }
}

/**
 * Starts reading whole, on a thread of their own, the static files that
 * changed at or after `since` (the last build's listing, by ctime), when
 * there are many: a fresh checkout gives every file of a photo archive a new
 * stamp. Their hashes tell the write stage which are the bytes the output
 * holds already, and the images' sizes come from the same reads. Undefined
 * without `since`, or with few such files. Only what the build waits for
 * is waited for: files restored with their old stamps are read for nothing.
 */
export function readChangedStaticAside(
  listing: StaticListing,
  since: number | undefined,
): StaticReadsAside | undefined {
  if (since === undefined) return undefined;
  const files: StaticToRead[] = [];
  listing.files.forEach((file, index) => {
    const stamp = listing.stamps[file.path];
    const ctime = listing.ctimes[index];
    if (stamp === undefined || ctime === undefined || ctime < since) return;
    files.push({
      path: file.path,
      source: file.source,
      size: stampSize(stamp),
      ctime,
      image: IMAGE_FILE.test(file.path),
    });
  });
  return files.length >= STATIC_READS_ASIDE ? readStaticAside(files) : undefined;
}

/**
 * Measures the pixel size of every static image, keyed by site URL path
 * (`/images/a.jpg`); a file that cannot be measured simply has no known size.
 * An image `known` at its current stamp (`stamps`, from the listing) is not
 * opened again: a site with an image per article would otherwise read a
 * header from every one of them in every build (about a second per 10,000).
 * `measured` is what to keep for the next build; `changed` says whether it
 * differs from `known`.
 */
export async function measureStaticImages(
  files: readonly StaticFile[],
  stamps: Readonly<Record<string, string>>,
  known: MeasuredImages | undefined,
  aside?: Pick<StaticReadsAside, 'wait'>,
): Promise<{ sizes: ImageSizes; measured: MeasuredImages; changed: boolean }> {
  const sizes = new Map<string, ImageSize>();
  const measured = new Map<string, MeasuredImage>();
  const images = files.filter((file) => IMAGE_FILE.test(file.path));
  const unknown: { file: StaticFile; stamp: string }[] = [];
  for (const file of images) {
    const stamp = stamps[file.path] ?? '';
    const before = known?.get(file.path);
    if (before && stamp !== '' && before.stamp === stamp) {
      measured.set(file.path, before);
      if (before.size) sizes.set(`/${file.path}`, before.size);
    } else unknown.push({ file, stamp });
  }
  // Images read whole on a thread were measured there, from the bytes of the stamp the listing found.
  const reads = unknown.length > 0 ? await aside?.wait() : undefined;
  const toMeasure: typeof unknown = [];
  for (const item of unknown) {
    const read = reads?.get(item.file.path);
    if (!read?.measured) {
      toMeasure.push(item);
      continue;
    }
    measured.set(item.file.path, { stamp: item.stamp, size: read.size });
    if (read.size) sizes.set(`/${item.file.path}`, read.size);
  }
  // Loading the measuring library costs more than the rest of this stage: only when there is an image to measure.
  if (toMeasure.length > 0) {
    const { imageSize } = await import('image-size');
    await runBounded(toMeasure, 16, async ({ file, stamp }) => {
      const size = await measureImageFile(imageSize, file.source);
      measured.set(file.path, { stamp, size });
      if (size) sizes.set(`/${file.path}`, size);
    });
  }
  const changed = unknown.length > 0 || measured.size !== (known?.size ?? 0);
  return { sizes, measured, changed };
}
