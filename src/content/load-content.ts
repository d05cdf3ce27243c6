import { readdir } from 'node:fs/promises';
import path from 'node:path';

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
