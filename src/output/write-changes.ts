import { statSync } from 'node:fs';
import { copyFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stampSize } from '../boundary/file-stamp.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { commitStaged, type StagedFile } from './commit-staged.js';
import type { StaticFile } from './list-static-files.js';
import { type OutputFile, toBytes } from './output-file.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-marker.js';
import { resolveOutputPath } from './resolve-output-path.js';
import { runBounded } from './run-bounded.js';
import { holdsBytes, holdsFileBytes } from './same-bytes.js';
import { type StaticReadsAside, splitStaticKey, staticKey } from './static-keys.js';
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
  /** Once aborted, nothing is moved in: the write throws the signal's reason instead. */
  readonly signal?: AbortSignal | undefined;
}

/** The static files of a build: what to copy, and the stamp of each by output path. */
export interface StaticFiles {
  readonly files: readonly StaticFile[];
  readonly stamps: Readonly<Record<string, string>>;
  /** Each file's ctime when it was statted, at the index of `files` (see `readStaticFiles`). */
  readonly ctimes?: readonly number[];
  /** Files whose stamp changed, read whole and hashed on a thread meanwhile (see `readStaticAside`). */
  readonly reads?: Pick<StaticReadsAside, 'wait'> | undefined;
}

/** What was done, and the hashes to remember for next time. */
export interface WriteChangesResult {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** A new map, the caller's to keep. */
  readonly outputs: Map<string, string>;
  /**
   * Static files whose stamp changed but not their size: how many were known
   * to be the output's bytes by their hash, and how many were compared.
   */
  readonly staticChecks: { readonly byHash: number; readonly compared: number };
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
    const staticChecks = { byHash: 0, compared: 0 };
    const staged = await stageChanges(input, stageDir, outputs, staticChecks);
    const deleted = input.partial
      ? [...(input.deleted ?? [])]
      : [...[...input.previous.keys()].filter((file) => !outputs.has(file)), ...(input.deleted ?? [])];
    const marker = await stageMarker(input.outDir, stageDir);
    // Checked just before a commit that is synchronous: no callback can run between the two.
    input.signal?.throwIfAborted();
    await commitStaged({ outDir: input.outDir, files: [...staged, ...marker], deleted });
    return { written: staged.map((file) => file.path).sort(), deleted: deleted.sort(), outputs, staticChecks };
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
  staticChecks: { byHash: number; compared: number },
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
  const { copies, remember } = await planStaticCopies(input, outputs, limit, staticChecks);
  await runBounded(copies, limit, async (file) => {
    await stageFile(file.path, (target) => copyFile(file.source, target));
    remember(file);
  });
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
 * except a file whose size is and whose bytes are the output's already (a
 * fresh checkout gives every file a new mtime: a deploy of the output then
 * still sees only what changed). Every file's key is recorded in `outputs`:
 * its stamp, and the hash of its bytes when a read on a thread gave it (see
 * `staticKey`). With the last build's hash, a file of the same hash is known
 * to be the output's without reading either; else the two are compared byte
 * for byte. `remember` records the hash of a file once copied.
 */
async function planStaticCopies(
  input: WriteChangesInput,
  outputs: Map<string, string>,
  limit: number,
  checks: { byHash: number; compared: number },
): Promise<{ copies: StaticFile[]; remember: (file: StaticFile) => void }> {
  const copies: StaticFile[] = [];
  const touched: { readonly file: StaticFile; readonly size: number; readonly last: string | undefined }[] = [];
  const staticFiles = input.staticFiles;
  const ctimes = new Map<StaticFile, number | undefined>();
  (staticFiles?.files ?? []).forEach((file, index) => {
    if (outputs.has(file.path) || input.claimed?.(file.path)) {
      throw new NewsgenError(`Static file ${file.path} collides with a generated page of the same path`, {
        code: 'output-collision',
        file: file.source,
        hint: 'Rename or move the static file.',
      });
    }
    // The listing's stamp: statting every file again, one await at a time, left a build idle for half
    // a second per 10,000 photos.
    const key = staticFiles?.stamps[file.path] ?? '';
    const last = input.previous.get(file.path);
    const before = splitStaticKey(last);
    if (key !== '' && before.stamp === key) {
      outputs.set(file.path, last as string);
      return;
    }
    outputs.set(file.path, key);
    ctimes.set(file, staticFiles?.ctimes?.[index]);
    const size = stampSize(key);
    if (size !== undefined && size === stampSize(before.stamp)) touched.push({ file, size, last: before.hash });
    else copies.push(file);
  });
  const reads = ctimes.size > 0 ? await staticFiles?.reads?.wait() : undefined;
  // A hash read on the thread goes with the file's stamp only while its ctime is the one the listing found:
  // then the bytes copied or compared are the bytes hashed.
  const remember = (file: StaticFile) => {
    const read = reads?.get(file.path);
    const ctime = ctimes.get(file);
    if (read === undefined || ctime === undefined) return;
    if (statSync(file.source, { throwIfNoEntry: false })?.ctimeMs !== ctime) return;
    outputs.set(file.path, staticKey(outputs.get(file.path) ?? '', read.hash));
  };
  await runBounded(touched, limit, async ({ file, size, last }) => {
    const target = outputFile(input, file.path);
    const hash = reads?.get(file.path)?.hash;
    // Other bytes than the last build copied: no need to read both to know it.
    if (hash !== undefined && last !== undefined && hash !== last) {
      copies.push(file);
      return;
    }
    if (hash !== undefined && hash === last) {
      // The bytes the last build copied or found there, if the output still holds a file of their size.
      const there = statSync(target, { throwIfNoEntry: false });
      if (there?.isFile() && there.size === size) {
        outputs.set(file.path, staticKey(outputs.get(file.path) ?? '', hash));
        checks.byHash++;
        return;
      }
    }
    checks.compared++;
    if (!(await holdsFileBytes(target, file.source, size))) copies.push(file);
    else remember(file);
  });
  return { copies, remember };
}
