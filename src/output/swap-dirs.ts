import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates an empty folder beside `target` named `.<name>-<role>-<random>` (e.g.
 * `.dist-tmp-3f9a…`). Beside, so a later rename stays on one file system and is atomic;
 * created with `mkdir` rather than `mkdtemp` so it gets normal permissions, not 0700.
 */
export async function createSiblingDir(target: string, role: string): Promise<string> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const dir = siblingPath(target, role);
  await fs.mkdir(dir);
  return dir;
}

/**
 * Puts the folder `next` in place of `target`: the old `target` is renamed aside, `next`
 * renamed in, and only then the old one removed. If the second rename fails, the old
 * folder is put back, so `target` is either wholly old or wholly new.
 */
export async function swapDirs(next: string, target: string): Promise<void> {
  const previous = await moveAside(target);
  try {
    await fs.rename(next, target);
  } catch (error) {
    if (previous) await fs.rename(previous, target);
    throw error;
  }
  // The new site is already in place; a leftover `.dist-old-*` folder must not fail the build.
  if (previous) await fs.rm(previous, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

/** Renames `target` to a fresh sibling name and returns it, or undefined when there is no `target`. */
async function moveAside(target: string): Promise<string | undefined> {
  const aside = siblingPath(target, 'old');
  try {
    await fs.rename(target, aside);
    return aside;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A fresh name beside `target`: `.<name>-<role>-<random>` (e.g. `.dist-old-3f9a…`). */
export function siblingPath(target: string, role: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}-${role}-${randomBytes(6).toString('hex')}`);
}
