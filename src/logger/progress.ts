// Apart from the terminal's display (terminal-progress.ts): the library's public types reach this
// file, and must not need Node's own types.

/** What a long-running build reports as it goes: stages and items done. */
export interface Progress {
  /** A stage begins: its name and unit (`markdown`, `files`), and its total when known. */
  start(stage: string, unit: string, total?: number): void;
  /** `count` more items of the current stage are done. */
  advance(count?: number): void;
  /** The run is over: clear whatever is shown. */
  stop(): void;
}

/** The progress of runs nobody watches: CI, pipes, `--quiet`, `--json`. */
export const SILENT_PROGRESS: Progress = Object.freeze({ start() {}, advance() {}, stop() {} });
