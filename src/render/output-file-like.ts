/**
 * A file the renderer hands to the write stage; structurally the same as
 * `OutputFile` in `src/output/output-file.ts`, so either type can be used.
 */
export interface OutputFileLike {
  /** Output path relative to the site root, forward slashes, e.g. `assets/newsgen.css`. */
  readonly path: string;
  readonly contents: string | Uint8Array;
}
