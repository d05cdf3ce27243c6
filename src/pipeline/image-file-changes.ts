import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { ImageFile } from './image-state.js';
import { readImageFile } from './plan-site.js';

/** What a partial plan (a publish, a body edit) publishes and deletes of the image files. */
export interface ImageFileChanges {
  /** Files new since the last build, or changed (another derived key, another original). */
  readonly fresh: readonly ImageFile[];
  /** Output paths of files the last build published that no page shows now. */
  readonly gone: readonly string[];
}

/**
 * The image files of this build against the last successful build's (`last`)
 * and its output fingerprints: a partial plan writes only its own pages, so
 * a new article's page-bundle photo, or one a body edit starts showing, is
 * published from here, and one no longer shown is deleted. Pure.
 */
export function diffImageFiles(
  files: readonly ImageFile[],
  last: readonly ImageFile[],
  previous: ReadonlyMap<string, string>,
): ImageFileChanges {
  const fresh = files.filter((file) => previous.get(file.path) !== file.fingerprint);
  const now = new Set(files.map((file) => file.path));
  return { fresh, gone: last.filter((file) => !now.has(file.path)).map((file) => file.path) };
}

/** The planned outputs, then the fresh image files with their bytes (an I/O edge). */
export async function* withFreshImageFiles(
  outputs: AsyncIterable<PlannedOutput>,
  fresh: readonly ImageFile[],
): AsyncGenerator<PlannedOutput> {
  yield* outputs;
  for (const file of fresh)
    yield { path: file.path, fingerprint: file.fingerprint, contents: await readImageFile(file.file) };
}
