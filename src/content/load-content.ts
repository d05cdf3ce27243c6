import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from './source-file.js';

/**
 * Reads every Markdown file under the content folder (the `load` stage).
 * Hidden files and folders (`.git`, editor temp files) are skipped. The result
 * is sorted by path so later stages see a stable order. A missing folder is an
 * empty site.
 */
export async function loadContent(contentDir: string, root: string): Promise<SourceFile[]> {
  const relPaths = await listMarkdownFiles(contentDir);
  relPaths.sort();
  // Synchronous reads on purpose: for thousands of small files they are about
  // three times faster than a promise per file, and nothing else runs meanwhile.
  return relPaths.map((relPath) => {
    const absolute = path.join(contentDir, relPath);
    return { path: relPath, displayPath: toDisplayPath(absolute, root), bytes: readFileSync(absolute) };
  });
}

/** Data files at the content root that hold author profiles, beside `authors/*.md`. */
export const AUTHORS_DATA_FILES: readonly string[] = ['authors.yml', 'authors.yaml'];

/** Lists the content files below `dir` (`.md` files, and `authors.yml`) as forward-slash relative paths. */
export async function listMarkdownFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => (entry.endsWith('.md') || AUTHORS_DATA_FILES.includes(entry)) && !entry.split('/').some((part) => part.startsWith('.')));
}

/** A path relative to `root` when it lies inside it, else the absolute path. */
export function toDisplayPath(absolute: string, root: string): string {
  const relative = path.relative(root, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}
