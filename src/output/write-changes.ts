import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { listStaticFiles } from './list-static-files.js';
import { type OutputFile, toBytes } from './output-file.js';
import { resolveOutputPath } from './resolve-output-path.js';
import { runBounded } from './run-bounded.js';
import { wrapIoError } from './wrap-io-error.js';

/** One output of the new build: rendered contents, or none when its inputs did not change and the old file stays. */
export interface ChangedOutput {
  readonly path: string;
  readonly contents: string | Uint8Array | undefined;
  /**
   * Written synchronously when it comes: the rest of the stream is produced by
   * synchronous rendering that would otherwise hold its I/O back (an editor's
   * front pages should not wait for thousands of other pages).
   */
  readonly urgent?: boolean;
}

/** What an incremental write needs: the new build's outputs (streamed) and the last build's output hashes. */
export interface WriteChangesInput {
  readonly outDir: string;
  readonly outputs: Iterable<ChangedOutput> | AsyncIterable<ChangedOutput>;
  /** Output path → content hash from the last build (static files: `size:mtime`). */
  readonly previous: Readonly<Partial<Record<string, string>>>;
  /**
   * Outputs of the last build that stay exactly as they are without being
   * given in `outputs` (a small change to a large site): each keeps its file
   * and its hash from `previous`, and counts as an output of this build.
   */
  readonly unchanged?: Iterable<string> | undefined;
  readonly staticDir: string | undefined;
  readonly concurrency?: number;
  /**
   * `outputs` holds only what may have changed: every other output of the last
   * build stays as it is (nothing is deleted, static files are not looked at),
   * and the result's `outputs` are the hashes of the given outputs alone.
   */
  readonly partial?: boolean;
}

/** What was done, and the hashes to remember for next time. */
export interface WriteChangesResult {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** A new object, the caller's to keep. */
  readonly outputs: Record<string, string>;
}

/**
 * Updates an output folder that newsgen built before, touching only what
 * changed: files whose bytes differ are written (each to a temporary file,
 * then renamed over the old one, so no reader ever sees half a file), static
 * files whose size or mtime changed are copied, and files of the last build
 * that this one no longer has are deleted. Content errors never reach this
 * stage, so a failed build still leaves the output as it was.
 */
export async function writeChanges(input: WriteChangesInput): Promise<WriteChangesResult> {
  const outputs: Record<string, string> = {};
  const written: string[] = [];
  const limit = input.concurrency ?? 16;
  for (const file of input.unchanged ?? []) {
    const hash = input.previous[file];
    if (hash !== undefined) outputs[file] = hash;
  }
  await runBounded(selectChanged(input, outputs), limit, async (file) => {
    if (file.urgent) replaceFileNow(input.outDir, file);
    else await replaceFile(input.outDir, file.path, (temp) => writeFile(temp, file.contents));
    written.push(file.path);
  });
  if (input.partial) return { written: written.sort(), deleted: [], outputs };
  const staticCopies = await planStaticCopies(input, outputs);
  await runBounded(staticCopies, limit, async ({ path: relPath, source }) => {
    await replaceFile(input.outDir, relPath, (temp) => copyFile(source, temp));
    written.push(relPath);
  });
  const deleted = Object.keys(input.previous).filter((file) => outputs[file] === undefined);
  await runBounded(deleted, limit, (file) => rm(resolveOutputPath(input.outDir, file), { force: true }));
  await removeEmptyFolders(input.outDir, deleted);
  return { written: written.sort(), deleted: deleted.sort(), outputs };
}

/** Records every output's hash and yields the files whose bytes differ from the last build's. */
async function* selectChanged(
  input: WriteChangesInput,
  outputs: Record<string, string>,
): AsyncGenerator<OutputFile & { urgent?: boolean | undefined }> {
  for await (const output of input.outputs) {
    if (outputs[output.path] !== undefined)
      throw new NewsgenError(`Two outputs write ${output.path}`, { code: 'duplicate-output', file: output.path });
    if (output.contents === undefined) {
      const hash = input.previous[output.path];
      if (hash !== undefined) outputs[output.path] = hash;
      continue;
    }
    // Encoded once, for the hash and the write alike.
    const contents = toBytes(output.contents);
    const hash = hashBytes(contents);
    outputs[output.path] = hash;
    if (input.previous[output.path] !== hash) yield { path: output.path, contents, urgent: output.urgent };
  }
}

/** Removes the folders that deleting pages left empty (`old-slug/`), never the output folder itself. */
async function removeEmptyFolders(outDir: string, deleted: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of deleted)
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder))
      folders.add(folder);
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const folder of deepestFirst) await rmdir(resolveOutputPath(outDir, folder)).catch(() => undefined);
}

async function planStaticCopies(
  input: WriteChangesInput,
  outputs: Record<string, string>,
): Promise<{ path: string; source: string }[]> {
  if (!input.staticDir) return [];
  const copies: { path: string; source: string }[] = [];
  for (const file of await listStaticFiles(input.staticDir)) {
    if (outputs[file.path] !== undefined) {
      throw new NewsgenError(`Static file ${file.path} collides with a generated page of the same path`, {
        code: 'output-collision',
        file: file.source,
        hint: 'Rename or move the static file.',
      });
    }
    const stats = await stat(file.source);
    const key = `${stats.size}:${stats.mtimeMs}`;
    outputs[file.path] = key;
    if (input.previous[file.path] !== key) copies.push(file);
  }
  return copies;
}

/** `replaceFile` without waiting for Node's I/O pool. */
function replaceFileNow(outDir: string, file: OutputFile): void {
  const target = resolveOutputPath(outDir, file.path);
  const temp = tempPathFor(target);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(temp, file.contents);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw wrapIoError(error, 'write', target);
  }
}

/** A hidden sibling of `target` to write before renaming over it. */
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

async function replaceFile(outDir: string, relPath: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const target = resolveOutputPath(outDir, relPath);
  const temp = tempPathFor(target);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await fill(temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw wrapIoError(error, 'write', target);
  }
}
