import { statSync } from 'node:fs';
import path from 'node:path';
import { hashBytes } from '../cache/build-cache.js';
import { listMarkdownFiles } from '../content/load-content.js';

/**
 * Fingerprint of the content folder from file stats alone (path, size,
 * mtime): like git's index, it lets an unchanged site be recognised without
 * reading a single article. Any difference falls back to content hashes.
 */
export async function fingerprintStats(contentDir: string, settings: string): Promise<string> {
  const files = (await listMarkdownFiles(contentDir)).sort();
  const lines = files.map((file) => {
    const stats = statSync(path.join(contentDir, file), { throwIfNoEntry: false });
    return `${file}\0${stats?.size ?? -1}\0${stats?.mtimeMs ?? -1}`;
  });
  return hashBytes([settings, ...lines].join('\n'));
}
