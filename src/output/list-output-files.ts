import { readdirSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_MARKER } from './output-marker.js';
import { wrapIoError } from './wrap-io-error.js';

/**
 * Every file of an output folder but its marker, as paths relative to it
 * with `/` between folders; a symlink is listed as a file, never followed.
 * Synchronous: the entries come from the page cache, and a cold build over a
 * 15,000-file folder lists it once.
 */
export function listOutputFiles(outDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${relPath}/`);
      else if (relPath !== OUTPUT_MARKER) files.push(relPath);
    }
  };
  try {
    walk(outDir, '');
  } catch (error) {
    throw wrapIoError(error, 'read the output folder', outDir);
  }
  return files;
}
