import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `dir` when a build can keep its cache there, else why not: the nearest
 * folder that exists on the way to it must be a folder the build may write
 * in (nothing is created here). A file where a folder should be (a
 * `node_modules/.cache` that is a file) or a read-only `node_modules` made
 * the build crash when it saved the cache, after all its work.
 */
export async function findCacheProblem(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = path.dirname(current)) {
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (found instanceof Error) {
      if ((found.code === 'ENOENT' || found.code === 'ENOTDIR') && path.dirname(current) !== current) continue;
      return found.message;
    }
    if (!found.isDirectory()) return `${current} is not a folder`;
    return await access(current, constants.W_OK).then(
      () => undefined,
      () => `${current} cannot be written`,
    );
  }
}
