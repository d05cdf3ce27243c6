/** One content file as read from disk. */
export interface SourceFile {
  /** Path relative to the content folder, forward slashes (`ekonomi/x.md`). */
  readonly path: string;
  /** Path to show in messages: relative to the working directory when inside it. */
  readonly displayPath: string;
  readonly bytes: Uint8Array;
}
