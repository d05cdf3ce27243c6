import { copyFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { commitStaged, type StagedFile } from './commit-staged.js';
import type { StaticFile } from './list-static-files.js';
import { type OutputFile, toBytes } from './output-file.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-marker.js';
import { resolveOutputPath } from './resolve-output-path.js';
import { runBounded } from './run-bounded.js';
import { holdsBytes, holdsFileBytes } from './same-bytes.js';
import { createSiblingDir, removeStaleSiblings } from './swap-dirs.js';
import { wrapIoError } from './wrap-io-error.js';

/** One output of the new build: rendered contents, or none when its inputs did not change and the old file stays. */
export interface ChangedOutput {
  readonly path: string;
  readonly contents: string | Uint8Array | undefined;
  /** What to remember instead of a hash of `contents`, when something else names the bytes (an image's key). */
  readonly hash?: string | undefined;
  /** A derived image file, new by its caller's account: written, and not among the hashes to remember. */
  readonly derived?: boolean | undefined;
}

/** What an incremental write needs: the new build's outputs (streamed) and the last build's output hashes. */
export interface WriteChangesInput {
  readonly outDir: string;
  readonly outputs: Iterable<ChangedOutput> | AsyncIterable<ChangedOutput>;
  /** Output path → content hash from the last build (static files: `size:mtime`). */
  readonly previous: ReadonlyMap<string, string>;
  /**
   * Outputs of the last build that stay exactly as they are without being
   * given in `outputs` (a small change to a large site): each keeps its file
   * and its hash from `previous`, and counts as an output of this build.
   */
  readonly unchanged?: Iterable<string> | undefined;
  /**
   * The static folder's files and their `size:mtime` stamps, as the build
   * listed them (see `readStaticListing`): a file is copied when its stamp
   * is not the last build's.
   */
  readonly staticFiles: StaticFiles | undefined;
  readonly concurrency?: number;
  /**
   * `outputs` holds only what may have changed: every other output of the last
   * build stays as it is (nothing is deleted, static files are not looked at),
   * but `deleted`), and the result's `outputs` are the hashes of the given outputs alone.
   */
  readonly partial?: boolean;
  /**
   * With `partial`: outputs of the last build to delete (every other one
   * stays). Without: files to delete besides the last build's outputs this
   * build does not have (derived image files, which `previous` does not hold).
   */
  readonly deleted?: readonly string[];
  /**
   * Whether a path is taken by a file this build keeps without it being in
   * `previous` or `outputs` (a derived image file): a static file there collides.
   */
  readonly claimed?: (path: string) => boolean;
}

/** The static files of a build: what to copy, and the stamp of each by output path. */
export interface StaticFiles {
  readonly files: readonly StaticFile[];
  readonly stamps: Readonly<Record<string, string>>;
}

/** What was done, and the hashes to remember for next time. */
export interface WriteChangesResult {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** A new map, the caller's to keep. */
  readonly outputs: Map<string, string>;
}

/**
 * Updates an output folder that newsgen built before, touching only what
 * changed: files whose bytes differ are written, static files whose size or
 * mtime changed are copied (unless their bytes are the output's already),
 * and files of the last build that this one no longer has are deleted. All
 * or nothing: every changed file is first staged in a folder beside the
 * output, and only when every output has been rendered and checked (unsafe
 * names, collisions) are they moved in, each replaced file kept aside until
 * the last one is in place, so any failure leaves the output folder exactly
 * as it was.
 */
export async function writeChanges(input: WriteChangesInput): Promise<WriteChangesResult> {
  await removeStaleSiblings(input.outDir);
  const stageDir = await createSiblingDir(input.outDir, 'stage').catch((error: unknown) => {
    throw wrapIoError(error, 'create a folder beside', input.outDir);
  });
  try {
    const outputs = new Map<string, string>();
    const staged = await stageChanges(input, stageDir, outputs);
    const deleted = input.partial
      ? [...(input.deleted ?? [])]
      : [...[...input.previous.keys()].filter((file) => !outputs.has(file)), ...(input.deleted ?? [])];
    const marker = await stageMarker(input.outDir, stageDir);
    await commitStaged({ outDir: input.outDir, files: [...staged, ...marker], deleted });
    return { written: staged.map((file) => file.path).sort(), deleted: deleted.sort(), outputs };
  } finally {
    await rm(stageDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Stages the ownership marker when the output folder lacks it (a build
 * forced over it with `--force-out`), so every build leaves a folder that
 * the next one recognises as its own. Not an output: never listed as written.
 */
async function stageMarker(outDir: string, stageDir: string): Promise<StagedFile[]> {
  const there = await stat(path.join(outDir, OUTPUT_MARKER)).catch(() => undefined);
  if (there?.isFile()) return [];
  const staged = path.join(stageDir, OUTPUT_MARKER);
  await writeFile(staged, OUTPUT_MARKER_TEXT);
  return [{ path: OUTPUT_MARKER, staged }];
}

/**
 * Stages every changed output and static file, filling `outputs` with every
 * output's hash; returns the staged files. Each waits in the staging folder
 * under a number of its own (no folder per page: the commit moves it to its
 * place), its output path checked by the guard first.
 */
async function stageChanges(
  input: WriteChangesInput,
  stageDir: string,
  outputs: Map<string, string>,
): Promise<StagedFile[]> {
  const written: StagedFile[] = [];
  const limit = input.concurrency ?? 16;
  let started = 0;
  const stageFile = async (relPath: string, fill: (target: string) => Promise<void>) => {
    const target = resolveOutputPath(input.outDir, relPath);
    const staged = path.join(stageDir, String(started++));
    try {
      await fill(staged);
    } catch (error) {
      // Named by the file it becomes: the numbered name in the staging folder tells a reader nothing.
      throw wrapIoError(error, 'write', target);
    }
    written.push({ path: relPath, staged });
  };
  for (const file of input.unchanged ?? []) {
    const hash = input.previous.get(file);
    if (hash !== undefined) outputs.set(file, hash);
  }
  await runBounded(selectChanged(input, outputs), limit, (file) =>
    stageFile(file.path, (target) => writeFile(target, file.contents)),
  );
  if (input.partial) return written;
  const staticCopies = await planStaticCopies(input, outputs, limit);
  await runBounded(staticCopies, limit, ({ path: relPath, source }) =>
    stageFile(relPath, (target) => copyFile(source, target)),
  );
  return written;
}

/** Records every output's hash and yields the files whose bytes differ from the last build's. */
async function* selectChanged(input: WriteChangesInput, outputs: Map<string, string>): AsyncGenerator<OutputFile> {
  for await (const output of input.outputs) {
    if (outputs.has(output.path))
      throw new NewsgenError(`Two outputs write ${output.path}`, { code: 'duplicate-output', file: output.path });
    if (output.contents === undefined) {
      const hash = input.previous.get(output.path);
      if (hash !== undefined) outputs.set(output.path, hash);
      continue;
    }
    // Encoded once, for the hash and the write alike.
    const contents = toBytes(output.contents);
    if (output.derived) {
      yield { path: output.path, contents };
      continue;
    }
    const hash = output.hash ?? hashBytes(contents);
    outputs.set(output.path, hash);
    const last = input.previous.get(output.path);
    if (last === hash) continue;
    // A key names the bytes only as far as it goes: a page bundle's original is known by its size and mtime,
    // which a fresh checkout changes for every file. Bytes that are the output's already are not written again.
    if (output.hash !== undefined && last !== undefined && (await holdsBytes(outputFile(input, output.path), contents)))
      continue;
    yield { path: output.path, contents };
  }
}

function outputFile(input: WriteChangesInput, relPath: string): string {
  return resolveOutputPath(input.outDir, relPath);
}

/**
 * The static files to copy: those whose stamp is not the last build's,
 * except a file whose size is and whose bytes are the output's (a fresh
 * checkout gives every file a new mtime: a deploy of the output then still
 * sees only what changed). Every file's stamp is recorded in `outputs`.
 */
async function planStaticCopies(
  input: WriteChangesInput,
  outputs: Map<string, string>,
  limit: number,
): Promise<StaticFile[]> {
  const copies: StaticFile[] = [];
  const touched: { readonly file: StaticFile; readonly size: number }[] = [];
  for (const file of input.staticFiles?.files ?? []) {
    if (outputs.has(file.path) || input.claimed?.(file.path)) {
      throw new NewsgenError(`Static file ${file.path} collides with a generated page of the same path`, {
        code: 'output-collision',
        file: file.source,
        hint: 'Rename or move the static file.',
      });
    }
    // The listing's stamp: statting every file again, one await at a time, left a build idle for half
    // a second per 10,000 photos.
    const key = input.staticFiles?.stamps[file.path] ?? '';
    outputs.set(file.path, key);
    const last = input.previous.get(file.path);
    if (key !== '' && last === key) continue;
    const size = sizeOfStamp(key);
    if (size !== undefined && size === sizeOfStamp(last)) touched.push({ file, size });
    else copies.push(file);
  }
  await runBounded(touched, limit, async ({ file, size }) => {
    if (!(await holdsFileBytes(outputFile(input, file.path), file.source, size))) copies.push(file);
  });
  return copies;
}

/** The size in a static file's `size:mtime` stamp; undefined for anything else. */
function sizeOfStamp(stamp: string | undefined): number | undefined {
  const match = stamp === undefined ? null : /^(\d+):/.exec(stamp);
  return match ? Number(match[1]) : undefined;
}
