import type { SitePlugin } from '../config/read-plugins.js';
import type { Logger } from '../logger/create-logger.js';
import type { Progress } from '../logger/progress.js';
import type { HookMonitor } from '../plugins/hook-monitor.js';
import type { Concurrency } from '../process/concurrency.js';

// What a caller of the library gives a build session and each of its builds: apart from the session's
// memory, so that the package's declarations of the public API stop here.

/** Which content files changed since the last build of a session, when a watcher knows. */
export interface ContentChanges {
  /** Absolute paths of content files that were added or changed. */
  readonly changed?: readonly string[] | undefined;
  /** Absolute paths of content files that were removed. */
  readonly removed?: readonly string[] | undefined;
}

/** What changed since the last build of a session; absent means "look at everything". */
export interface SourceChanges extends ContentChanges {
  /** Templates changed: read and compile them again. */
  readonly templates?: boolean;
  /** False when the static folder is known to be unchanged (a watcher saw no event there), so it is not listed again. */
  readonly static?: boolean;
}

/** The output files a build wrote (changed bytes) and deleted, relative to the output folder. */
export interface OutputChanges {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
}

/** Options of a build session. */
export interface BuildSessionOptions {
  readonly logger: Logger;
  readonly version: string;
  /** Keep results on disk between processes (`node_modules/.cache/newsgen`); undefined keeps them in memory. */
  readonly cacheDir: string | undefined;
  /** Worker threads for Markdown (0 or 1: this thread; `auto`: one per core when there is enough to do). */
  readonly concurrency: Concurrency;
  /** From this many processed files on, their HTML waits in a temporary file, not in memory. @default 2000 */
  readonly spillHtmlFrom?: number;
  /** Told of each stage and of files processed and pages rendered (a terminal display). @default silent */
  readonly progress?: Progress;
  /**
   * The session runs one build (`newsgen build` and `check`): what only a
   * next build of the session would read (the output paths each link could
   * resolve to, for patching the model) is not collected. @default false
   */
  readonly once?: boolean;
  /** Runs plugins' hooks (the CLI's names the plugin of an error its hook left behind). @default runs them */
  readonly hookMonitor?: HookMonitor;
  /**
   * The config's plugins with their code, as `resolveConfig` gave them: the
   * session takes them instead of running the config file again (a
   * reopened session, for another config, loads its own). @default loaded from the config file
   */
  readonly plugins?: readonly SitePlugin[];
  /**
   * Told the files a build wrote and deleted as soon as they are in the
   * output folder, before the cache is saved and plugins' `buildEnd` runs: a
   * build that fails after that has changed the output all the same (the
   * CLI's change manifest lists them).
   */
  readonly onOutput?: (changes: OutputChanges) => void;
  /**
   * Aborted: a build stops before it changes the output folder, throwing
   * the signal's reason (the CLI's, when a plugin threw from a timer).
   */
  readonly signal?: AbortSignal;
}

/** How one build of a session runs. */
export interface BuildMode {
  /**
   * False for a dry run (`newsgen check`): every stage runs but nothing is
   * written, the cache is read but not saved, and pages are compared with
   * the cache's fingerprints even when the output folder is gone.
   * @default true
   */
  readonly write?: boolean;
  /**
   * The build clock for this build instead of the config's `now`: a watch
   * session that follows the wall clock passes the time of each rebuild, so
   * an article dated after the session started is published once its time
   * has come. @default the config's `now`
   */
  readonly now?: Date;
  /** Leave the search index to the session's next build without this flag (a preview's rebuild). @default false */
  readonly deferSearch?: boolean;
}
