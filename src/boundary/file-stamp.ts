/**
 * A file's stamp, `size:mtime` (milliseconds): what the build knows every
 * input file by between builds (content files, static files, images), so a
 * file whose stamp is unchanged is not read again.
 */
export function fileStamp(stats: { readonly size: number; readonly mtimeMs: number }): string {
  return `${stats.size}:${stats.mtimeMs}`;
}

/** The size a {@link fileStamp} holds (and a key that starts with one); undefined for anything else. */
export function stampSize(stamp: string | undefined): number | undefined {
  const match = stamp === undefined ? null : /^(\d+):/.exec(stamp);
  return match ? Number(match[1]) : undefined;
}
