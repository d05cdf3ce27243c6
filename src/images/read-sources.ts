import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileStamp } from '../boundary/file-stamp.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { ErrorCode } from '../diagnostics/error-codes.js';
import { runBounded } from '../output/run-bounded.js';
import type { StaticReadsAside } from '../output/static-keys.js';
import type { DerivedStore } from './derived-store.js';
import type { ImageEncoder, SourceReading } from './image-encoder.js';
import type { SourceImage } from './source-image.js';

/** A local image some content uses. */
export interface ImageReference {
  /** Absolute path of the image file. */
  readonly file: string;
  /** Where the original is published, without the base path (`/images/a.jpg`). */
  readonly urlPath: string;
  /** The path as written, for messages (`foto-1.jpg`, `/images/a.jpg`). */
  readonly written: string;
  /** The file that uses it (display path) and where. */
  readonly usedBy: { readonly file: string; readonly place: Place | undefined };
  /** Its header is enough (an image CDN makes the renditions, and no crop asks for the attention point). */
  readonly headerOnly?: boolean;
  /** A file beside an article (a page bundle), not of the static folder. */
  readonly inContent?: boolean;
}

/** Sources by absolute file path, and a diagnostic for every use of a missing or broken one. */
export interface SourceReadings {
  readonly sources: ReadonlyMap<string, SourceImage>;
  readonly diagnostics: readonly Diagnostic[];
  /** How many files were decoded (not known from the store). */
  readonly read: number;
}

/**
 * Reads every referenced image once (an I/O edge): from the store when its
 * size and modification time are unchanged, else hashed, and measured by the
 * encoder unless the store read the same bytes before. A file that is
 * corrupt, of an unsupported format or over the pixel limit is an error at
 * every place that uses it; a missing one a warning there (the page links
 * the path as written, as it would any link to nothing).
 */
export async function readSources(
  references: readonly ImageReference[],
  options: {
    encoder: () => Promise<ImageEncoder>;
    store: DerivedStore;
    pixelLimit: number;
    displayPath: (file: string) => string;
    /**
     * `size:mtime` of the static folder's files as the build listed them, by path below it (`images/a.jpg`):
     * a static image it does not list is missing.
     */
    staticStamps?: Readonly<Record<string, string>> | undefined;
    /**
     * The static folder's files changed since the last listing, read whole and hashed on threads at the
     * listing's stamps: a file whose hash the store knows is not read again here.
     */
    staticReads?: Pick<StaticReadsAside, 'wait'> | undefined;
  },
): Promise<SourceReadings> {
  const byFile = new Map<string, ImageReference[]>();
  for (const reference of references) {
    const uses = byFile.get(reference.file);
    if (uses) uses.push(reference);
    else byFile.set(reference.file, [reference]);
  }
  const sources = new Map<string, SourceImage>();
  const diagnostics: Diagnostic[] = [];
  // Stamps first, in one synchronous pass: on a warm build every file is known and nothing else runs.
  const unknown: { file: string; uses: ImageReference[]; stamp: string; headerOnly: boolean }[] = [];
  for (const [file, uses] of byFile) {
    const { urlPath, inContent } = uses[0] as ImageReference;
    // The build's listing of the static folder is complete: a static file is not statted again (a site with
    // a photo per article stats thousands), and one it does not list is missing (or a link it refused).
    const stamp = inContent || !options.staticStamps ? stampOf(file) : options.staticStamps[urlPath.slice(1)];
    if (stamp === undefined) {
      const shown = options.displayPath(file);
      for (const use of uses) diagnostics.push(missing(use, shown));
      continue;
    }
    const headerOnly = uses.every((use) => use.headerOnly);
    // What was read of a header is kept apart: a later local build must decode the file.
    const known =
      options.store.knownSource(file, stamp) ??
      (headerOnly ? options.store.knownSource(file, `${stamp}:header`) : undefined);
    // The limit may have been lowered since the file was read: a known source over it is read again to be reported.
    if (known && known.width * known.height <= options.pixelLimit) sources.set(file, { ...known, urlPath });
    else unknown.push({ file, uses, stamp: headerOnly ? `${stamp}:header` : stamp, headerOnly });
  }
  let decoded = 0;
  const reads = unknown.length > 0 ? await options.staticReads?.wait() : undefined;
  await runBounded(unknown, 4, async ({ file, uses, stamp, headerOnly }) => {
    const { urlPath, inContent } = uses[0] as ImageReference;
    // Hashed on a thread from the bytes of the listing's stamp: known by that hash, the file need not be read.
    const read = inContent ? undefined : reads?.get(urlPath.slice(1));
    const known = read && options.store.knownSourceByHash(read.hash, headerOnly);
    if (known && known.width * known.height <= options.pixelLimit) {
      options.store.rememberSource(file, stamp, known);
      sources.set(file, { ...known, urlPath });
      return;
    }
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      // Gone since it was listed or statted: missing, as when the build found no file.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (!bytes) {
      const shown = options.displayPath(file);
      for (const use of uses) diagnostics.push(missing(use, shown));
      return;
    }
    // Bytes read before under another stamp or path (a fresh checkout, a moved site) are not decoded again.
    const hash = createHash('sha1').update(bytes).digest('hex');
    const same = options.store.knownSourceByHash(hash, headerOnly);
    if (same && same.width * same.height <= options.pixelLimit) {
      options.store.rememberSource(file, stamp, same);
      sources.set(file, { ...same, urlPath: (uses[0] as ImageReference).urlPath });
      return;
    }
    decoded += 1;
    const reading: SourceReading = await (await options.encoder()).read(bytes, options.pixelLimit, headerOnly);
    if (!reading.ok) {
      const ruleId = reading.problem === 'too-large' ? 'image-too-large' : 'image-unreadable';
      const hint =
        reading.hint ??
        (reading.problem === 'too-large'
          ? 'Resize the original, or raise `images.pixelLimit` in the config.'
          : 'Save it again as a JPEG, PNG, WebP, AVIF, GIF or SVG file.');
      for (const use of uses)
        diagnostics.push(report(use, `Unexpected image ${options.displayPath(file)}: ${reading.reason}`, ruleId, hint));
      return;
    }
    const source = { ...reading.facts, hash };
    options.store.rememberSource(file, stamp, source);
    sources.set(file, { ...source, urlPath: (uses[0] as ImageReference).urlPath });
  });
  return { sources, diagnostics, read: decoded };
}

/** `size:mtime` of a file, or undefined when it is not a readable file. */
function stampOf(file: string): string | undefined {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() ? fileStamp(stats) : undefined;
  } catch {
    // Unreadable (a permission, a path through a file): missing, as far as the page is concerned.
    return undefined;
  }
}

/** A warning, as for any link that resolves to nothing: the page links the path as written. */
function missing(use: ImageReference, displayPath: string): Diagnostic {
  const reason = `Missing image file ${displayPath}, referenced as "${use.written}"`;
  return createDiagnostic({
    file: use.usedBy.file,
    place: use.usedBy.place,
    reason,
    ruleId: 'image-missing',
    severity: 'warning',
  });
}

function report(use: ImageReference, reason: string, ruleId: ErrorCode, hint?: string): Diagnostic {
  return createDiagnostic({ file: use.usedBy.file, place: use.usedBy.place, reason, ruleId, hint });
}
