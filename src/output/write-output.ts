import fs from 'node:fs/promises';
import path from 'node:path';
import { createFileWriter } from './file-writer.js';
import { keepUnchangedMtime } from './keep-unchanged-mtime.js';
import { listOutputFiles } from './list-output-files.js';
import { listStaticFiles, type StaticFile } from './list-static-files.js';
import { createOutputClaims, type OutputClaims } from './output-claims.js';
import { type OutputFile, toBytes } from './output-file.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-marker.js';
import { resolveOutputPath } from './resolve-output-path.js';
import { resolveRealPath } from './resolve-real-path.js';
import { runBounded } from './run-bounded.js';
import { createSiblingDir, removeStaleSiblings, swapDirs } from './swap-dirs.js';
import { wrapIoError } from './wrap-io-error.js';

/** How many static files are copied at the same time unless told otherwise. */
export const DEFAULT_WRITE_CONCURRENCY = 16;

/** What {@link writeOutput} needs. */
export interface WriteOutputInput {
  /** The output folder; checked beforehand with `checkOutDir`. */
  readonly outDir: string;
  /** The generated files, pulled lazily. */
  readonly files: Iterable<OutputFile> | AsyncIterable<OutputFile>;
  /** Folder whose files are copied in as they are; a missing folder is fine. */
  readonly staticDir: string | undefined;
  /** The static folder's files as the build listed them (see `listStaticFiles`); listed here when not given. */
  readonly staticFiles?: readonly StaticFile[] | undefined;
  /** @default 16 */
  readonly concurrency?: number;
  /** Once aborted, the output folder is not replaced: the write throws the signal's reason instead. */
  readonly signal?: AbortSignal | undefined;
}

/** What {@link writeOutput} wrote: generated and static files together. */
export interface WriteOutputResult {
  readonly written: number;
  readonly bytes: number;
  /** Each generated file's content hash (`hashBytes` of its bytes as written), by path, in the order given. */
  readonly hashes: ReadonlyMap<string, string>;
  /** Files, generated or static, whose bytes are the replaced folder's: nothing to deploy. */
  readonly unchanged: ReadonlySet<string>;
  /** Files of the replaced folder that this one does not have (its marker aside), sorted. */
  readonly gone: readonly string[];
}

/** The state one write shares between its tasks. */
interface WriteSession {
  readonly tempDir: string;
  readonly outDir: string;
  readonly claims: OutputClaims;
  /** Folder → its pending `mkdir`, so each folder is created once. */
  readonly folders: Map<string, Promise<unknown>>;
  /** False on a first build: there are no previous files whose modification times could be kept. */
  readonly hadOutput: boolean;
  /** Generated files' hashes by path, in the order given: each is filled in once the writer has written it. */
  readonly hashes: Map<string, string>;
  /** Files whose bytes are the replaced folder's (see {@link WriteOutputResult}). */
  readonly unchanged: Set<string>;
  written: number;
  bytes: number;
}

/**
 * Replaces the output folder atomically with the generated files plus the static folder,
 * and the marker file that tells later builds the folder is newsgen's (`OUTPUT_MARKER`).
 * Everything is written into a fresh folder beside `outDir`, which is then swapped in
 * (folders that killed builds left there are removed first);
 * on any failure that folder is removed and the previous output stays exactly as it was.
 * Every path goes through the output guard; a path claimed twice throws `duplicate-output`,
 * a static file clashing with a generated one throws `output-collision`. Files whose bytes
 * did not change keep their previous modification time.
 */
export async function writeOutput(input: WriteOutputInput): Promise<WriteOutputResult> {
  const outDir = resolveRealPath(input.outDir);
  const concurrency = input.concurrency ?? DEFAULT_WRITE_CONCURRENCY;
  const staticFiles =
    input.staticFiles ?? (input.staticDir === undefined ? [] : await listStaticFiles(input.staticDir));
  await removeStaleSiblings(outDir);
  const tempDir = await createSiblingDir(outDir, 'tmp').catch((error: unknown) => {
    throw wrapIoError(error, 'create a folder beside', outDir);
  });
  const hadOutput = await fs.stat(outDir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  const session: WriteSession = {
    tempDir,
    outDir,
    claims: createOutputClaims(),
    folders: new Map(),
    hadOutput,
    hashes: new Map(),
    unchanged: new Set(),
    written: 0,
    bytes: 0,
  };
  let gone: string[] = [];
  try {
    claimStaticFiles(session, staticFiles, input.staticDir ?? '');
    session.claims.claim(OUTPUT_MARKER, { kind: 'generated', label: OUTPUT_MARKER });
    await fs.writeFile(path.join(tempDir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT, { flag: 'wx' });
    await writeGeneratedFiles(session, input.files);
    await runBounded(staticFiles, concurrency, (file) => copyStatic(session, file));
    // What the replaced folder held and this one does not: a deploy deletes it (the build cache, which would
    // have named it, is gone, or was made by another version).
    const kept = new Set([...session.hashes.keys(), ...staticFiles.map((file) => file.path)]);
    gone = hadOutput ? listOutputFiles(outDir).filter((file) => !kept.has(file)) : [];
    input.signal?.throwIfAborted();
    await swapDirs(tempDir, outDir).catch((error: unknown) => {
      throw wrapIoError(error, 'replace the output folder', outDir);
    });
  } catch (error) {
    await fs.rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
  return {
    written: session.written,
    bytes: session.bytes,
    hashes: session.hashes,
    unchanged: session.unchanged,
    gone: gone.sort(),
  };
}

// Static files are claimed first, so a clash is reported the same way whatever the order of pages.
function claimStaticFiles(session: WriteSession, staticFiles: readonly StaticFile[], staticDir: string): void {
  const shownDir = path.basename(staticDir);
  for (const file of staticFiles) {
    session.claims.claim(file.path, { kind: 'static', label: `${shownDir}/${file.path}`, file: file.source });
  }
}

/**
 * Writes the generated files through a file writer (on a thread of its
 * own): this thread claims and checks each path and moves on to rendering
 * the next page while the hashing and disk work happen elsewhere.
 */
async function writeGeneratedFiles(
  session: WriteSession,
  files: Iterable<OutputFile> | AsyncIterable<OutputFile>,
): Promise<void> {
  const writer = createFileWriter();
  try {
    for await (const file of files) {
      // Only the path and the bytes are kept: a page's text is garbage once encoded.
      const relPath = file.path;
      const target = resolveOutputPath(session.tempDir, relPath);
      session.claims.claim(relPath, { kind: 'generated', label: relPath });
      session.written += 1;
      // In the order given; the hash comes once the file is written.
      session.hashes.set(relPath, '');
      const previous = session.hadOutput ? resolveOutputPath(session.outDir, relPath) : undefined;
      await writer.write(
        { target, contents: toBytes(file.contents), previous },
        (error) => wrapIoError(error, 'write', path.join(session.outDir, relPath)),
        (hash, size, same) => {
          session.hashes.set(relPath, hash);
          session.bytes += size;
          if (same) session.unchanged.add(relPath);
        },
      );
    }
    await writer.finish();
  } catch (error) {
    await writer.close();
    throw error;
  }
}

async function copyStatic(session: WriteSession, file: StaticFile): Promise<void> {
  const target = resolveOutputPath(session.tempDir, file.path);
  let size: number;
  try {
    await ensureFolder(session, path.dirname(target));
    await fs.copyFile(file.source, target, fs.constants.COPYFILE_EXCL);
    const previous = session.hadOutput ? resolveOutputPath(session.outDir, file.path) : undefined;
    if (previous !== undefined && (await keepUnchangedMtime({ previous, next: target })))
      session.unchanged.add(file.path);
    size = (await fs.stat(target)).size;
  } catch (error) {
    throw wrapIoError(error, 'copy the static file', file.source);
  }
  // Counted after the last await: `bytes += await …` would read a stale total.
  session.written += 1;
  session.bytes += size;
}

function ensureFolder(session: WriteSession, folder: string): Promise<unknown> {
  let pending = session.folders.get(folder);
  if (!pending) {
    pending = fs.mkdir(folder, { recursive: true });
    session.folders.set(folder, pending);
  }
  return pending;
}
