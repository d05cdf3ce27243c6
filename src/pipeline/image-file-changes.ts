import { type DerivedGroups, diffDerivedGroups } from '../images/derived-groups.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { ImageFile } from './image-state.js';
import { imageOutput, readImageFile } from './plan-site.js';
import type { BuiltImages } from './prepare-site-images.js';

/** What a partial plan (a publish, a body edit) publishes and deletes of the image files. */
export interface ImageFileChanges {
  /** Files new since the last build, or changed (another derived key, another original). */
  readonly fresh: readonly ImageFile[];
  /** Output paths of originals the last build listed that no page shows now. */
  readonly gone: readonly string[];
  /** Output paths of derived files the last build published that no photo has now. */
  readonly derivedGone: readonly string[];
  /** This build's derived files by photo, for the output state. */
  readonly groups: DerivedGroups;
}

/** No change: what a dry run plans. */
export const NO_IMAGE_CHANGES: ImageFileChanges = { fresh: [], gone: [], derivedGone: [], groups: new Map() };

/**
 * What changed of the image files since the last successful build of the
 * session: its originals (`lastOriginals`, sorted) and its derived files
 * (`lastGroups`, from the output state). Pure.
 */
export function diffBuiltImages(
  images: Pick<BuiltImages, 'originals' | 'derived' | 'derivedFile'>,
  lastOriginals: readonly ImageFile[],
  lastGroups: DerivedGroups,
): ImageFileChanges {
  const originals = diffImageFiles(images.originals, lastOriginals);
  const derived = diffDerivedGroups(images.derived, lastGroups);
  return {
    fresh: [...originals.fresh, ...derived.fresh.map(images.derivedFile)],
    gone: originals.gone,
    derivedGone: derived.gone,
    groups: images.derived,
  };
}

/**
 * The image files of this build against the last successful build's
 * (`last`), both sorted by path as the images stage lists them: a partial
 * plan writes only its own pages, so a new article's page-bundle photo, or
 * one a body edit starts showing, is published from here, and one no longer
 * shown is deleted. One walk over both lists, without hashing a path: with
 * the pipeline on they hold every derived file of the archive. Pure.
 */
export function diffImageFiles(
  files: readonly ImageFile[],
  last: readonly ImageFile[],
): Pick<ImageFileChanges, 'fresh' | 'gone'> {
  const fresh: ImageFile[] = [];
  const gone: string[] = [];
  let at = 0;
  for (const file of files) {
    while (at < last.length && (last[at] as ImageFile).path < file.path) gone.push((last[at++] as ImageFile).path);
    const before = at < last.length && (last[at] as ImageFile).path === file.path ? last[at++] : undefined;
    if (before?.fingerprint !== file.fingerprint) fresh.push(file);
  }
  while (at < last.length) gone.push((last[at++] as ImageFile).path);
  return { fresh, gone };
}

/** The planned outputs, then the fresh image files with their bytes (an I/O edge). */
export async function* withFreshImageFiles(
  outputs: AsyncIterable<PlannedOutput>,
  fresh: readonly ImageFile[],
): AsyncGenerator<PlannedOutput> {
  yield* outputs;
  for (const file of fresh) yield imageOutput(file, await readImageFile(file.file));
}
