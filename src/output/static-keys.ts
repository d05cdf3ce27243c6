/**
 * What a read of a whole static file found: the hash of its bytes and, for
 * an image, its size measured from those same bytes (`measured` false when
 * it was not measured; `size` undefined when it has none).
 */
export interface StaticRead {
  readonly hash: string;
  readonly measured: boolean;
  readonly size: { readonly width: number; readonly height: number } | undefined;
}

/** Static files read whole, by output path (`images/a.jpg`). */
export type StaticReads = ReadonlyMap<string, StaticRead>;

/** Static files being read whole on threads while the build goes on: `wait` gives what they found. */
export interface StaticReadsAside {
  readonly files: number;
  wait(): Promise<StaticReads | undefined>;
}

/**
 * A static file's entry in the output state: its `size:mtime` stamp, then
 * `:` and the hash of its bytes when the build knew it (see `writeChanges`).
 */
export function staticKey(stamp: string, hash: string | undefined): string {
  return hash === undefined ? stamp : `${stamp}:${hash}`;
}

/** The stamp and hash of a {@link staticKey}; both undefined for anything else. */
export function splitStaticKey(key: string | undefined): { stamp: string | undefined; hash: string | undefined } {
  const match = key === undefined ? null : /^(\d+:[^:]+)(?::([0-9a-f]{40}))?$/.exec(key);
  return { stamp: match?.[1], hash: match?.[2] };
}
