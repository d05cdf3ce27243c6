import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates an empty folder beside `target` named `.<name>-<role>-<pid>-<random>` (e.g.
 * `.dist-tmp-4242-3f9a…`). Beside, so a later rename stays on one file system and is atomic;
 * created with `mkdir` rather than `mkdtemp` so it gets normal permissions, not 0700.
 * The process id lets a later build tell a folder left by a killed build from one
 * that a build running at the same time is still writing (see {@link removeStaleSiblings}).
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

/** A fresh name beside `target`: `.<name>-<role>-<pid>-<random>` (e.g. `.dist-old-4242-3f9a…`), see {@link createSiblingDir}. */
export function siblingPath(target: string, role: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}-${role}-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
}

/**
 * Removes the `.<name>-tmp-*`, `.<name>-stage-*` and `.<name>-old-*` folders beside `target` that
 * builds left behind when they were killed mid-write: those whose process is
 * gone, and those named before names carried a process id. A folder of a
 * build still running (in another terminal, say) stays. Returns the names removed.
 */
export async function removeStaleSiblings(target: string): Promise<string[]> {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}-`;
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  const stale = entries.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const match = /^(?:tmp|stage|old)-(?:(\d+)-)?[0-9a-f]{12}$/.exec(name.slice(prefix.length));
    return match !== null && (match[1] === undefined || !isRunning(Number(match[1])));
  });
  await Promise.all(
    stale.map((name) => fs.rm(path.join(parent, name), { recursive: true, force: true, maxRetries: 3 })),
  );
  return stale.sort();
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
