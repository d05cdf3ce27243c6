import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashBytes } from '../cache/build-cache.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { listStaticFiles } from './list-static-files.js';
import type { OutputFile } from './output-file.js';
import { resolveOutputPath } from './resolve-output-path.js';
import { runBounded } from './run-bounded.js';
import { wrapIoError } from './wrap-io-error.js';

/** What an incremental write needs: the new files, the paths kept as they are, the last build's output hashes. */
export interface WriteChangesInput {
  readonly outDir: string;
  /** Files rendered in this build (unchanged bytes are skipped). */
  readonly files: readonly OutputFile[];
  /** Paths this build did not render because their inputs did not change; they stay. */
  readonly kept: readonly string[];
  /** Output path → content hash from the last build (static files: `size:mtime`). */
  readonly previous: Readonly<Partial<Record<string, string>>>;
  readonly staticDir: string | undefined;
  readonly concurrency?: number;
}

/** What was done, and the hashes to remember for next time. */
export interface WriteChangesResult {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  readonly outputs: Readonly<Record<string, string>>;
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
  for (const kept of input.kept) {
    const hash = input.previous[kept];
    if (hash !== undefined) outputs[kept] = hash;
  }
  const toWrite: OutputFile[] = [];
  for (const file of input.files) {
    const hash = hashBytes(file.contents);
    if (outputs[file.path] !== undefined) throw new NewsgenError(`Two outputs write ${file.path}`, { code: 'duplicate-output', file: file.path });
    outputs[file.path] = hash;
    if (input.previous[file.path] !== hash) toWrite.push(file);
  }
  const staticCopies = await planStaticCopies(input, outputs);
  const written: string[] = [];
  const limit = input.concurrency ?? 16;
  await runBounded(toWrite, limit, async (file) => {
    await replaceFile(input.outDir, file.path, (temp) => writeFile(temp, file.contents));
    written.push(file.path);
  });
  await runBounded(staticCopies, limit, async ({ path: relPath, source }) => {
    await replaceFile(input.outDir, relPath, (temp) => copyFile(source, temp));
    written.push(relPath);
  });
  const deleted = Object.keys(input.previous).filter((file) => outputs[file] === undefined);
  await runBounded(deleted, limit, (file) => rm(resolveOutputPath(input.outDir, file), { force: true }));
  return { written: written.sort(), deleted: deleted.sort(), outputs };
}

async function planStaticCopies(input: WriteChangesInput, outputs: Record<string, string>): Promise<{ path: string; source: string }[]> {
  if (!input.staticDir) return [];
  const copies: { path: string; source: string }[] = [];
  for (const file of await listStaticFiles(input.staticDir)) {
    if (outputs[file.path] !== undefined) {
      throw new NewsgenError(`Static file ${file.path} collides with a generated page of the same path`, { code: 'output-collision', file: file.source, hint: 'Rename or move the static file.' });
    }
    const stats = await stat(file.source);
    const key = `${stats.size}:${stats.mtimeMs}`;
    outputs[file.path] = key;
    if (input.previous[file.path] !== key) copies.push(file);
  }
  return copies;
}

async function replaceFile(outDir: string, relPath: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const target = resolveOutputPath(outDir, relPath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await fill(temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw wrapIoError(error, 'write', target);
  }
}
