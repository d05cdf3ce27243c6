import { statSync } from 'node:fs';
import { joinPlain } from '../boundary/join-plain.js';

/**
 * The `size:mtime` of each of `files` (plain posix paths relative to `base`,
 * as the content listing gives them), undefined for a file that vanished
 * since it was listed. Synchronous: one system call each, no promise each.
 */
export function statFiles(base: string, files: readonly string[]): (string | undefined)[] {
  return files.map((file) => {
    const info = statSync(joinPlain(base, `/${file}`), { throwIfNoEntry: false });
    return info ? `${info.size}:${info.mtimeMs}` : undefined;
  });
}

/**
 * The one-message form of {@link statFiles}'s answer that the stat thread
 * sends back: one string, `\n` between stats (none holds one) and an empty
 * stat for a vanished file, so the main thread decodes a single string
 * instead of a structured clone of a hundred thousand.
 */
export function encodeStats(stats: readonly (string | undefined)[]): string {
  return stats.map((stat) => stat ?? '').join('\n');
}

/** Reads {@link encodeStats}'s string back for `count` files; undefined when it does not hold that many. */
export function decodeStats(text: string, count: number): (string | undefined)[] | undefined {
  if (count === 0) return text === '' ? [] : undefined;
  const stats = text.split('\n');
  return stats.length === count ? stats.map((stat) => (stat === '' ? undefined : stat)) : undefined;
}
