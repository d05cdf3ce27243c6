import { statSync } from 'node:fs';
import path from 'node:path';
import { listMarkdownFiles } from '../content/load-content.js';
import { hashBytes } from '../hash/hash-bytes.js';

/** The content folder's files (sorted, relative to it) with their `size:mtime`, undefined when a file vanished. */
export type ContentStats = readonly { readonly path: string; readonly stat: string | undefined }[];

/** Lists the content folder and stats every file in it, reading none. */
export async function statContent(contentDir: string): Promise<ContentStats> {
  const files = (await listMarkdownFiles(contentDir)).sort((a, b) => (a < b ? -1 : 1));
  return files.map((file) => {
    const stats = statSync(path.join(contentDir, file), { throwIfNoEntry: false });
    return { path: file, stat: stats ? `${stats.size}:${stats.mtimeMs}` : undefined };
  });
}

/**
 * Fingerprint of the content folder from file stats alone (path, size,
 * mtime): like git's index, it lets an unchanged site be recognised without
 * reading a single article. Any difference falls back to content hashes.
 */
export function fingerprintStats(files: ContentStats, settings: string): string {
  return hashBytes([settings, ...files.map((file) => `${file.path}\0${file.stat ?? -1}`)].join('\n'));
}
