/**
 * One file the build produces: where it goes inside the output folder and what it holds.
 * Render stages yield these; only `writeOutput` turns them into files on disk.
 */
export interface OutputFile {
  /** Posix path relative to the output folder, e.g. `ekonomi/x/index.html`. */
  readonly path: string;
  /** Text is written as UTF-8; bytes are written as they are. */
  readonly contents: string | Uint8Array;
}

/** A file's contents as the bytes written: text encoded as UTF-8 (once, for hashing and writing alike). */
export function toBytes(contents: string | Uint8Array): Uint8Array {
  return typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
}
