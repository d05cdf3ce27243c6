import type { SitePlugin } from '../config/read-plugins.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { BuildSession, SessionBuildResult, SourceChanges } from '../pipeline/build-session.js';
import type { SiteChanges } from './collect-changes.js';

/** How one rebuild went. */
export type RebuildOutcome =
  | {
      readonly ok: true;
      readonly result: SessionBuildResult;
      readonly config: ResolvedConfig;
      readonly configChanged: boolean;
    }
  | { readonly ok: false; readonly error: unknown };

/** A resolved config, with the plugins' code its config file gave when it was read (see `resolveConfig`). */
export interface RebuilderSite {
  readonly config: ResolvedConfig;
  readonly plugins?: readonly SitePlugin[];
}

/** What {@link createRebuilder} needs; the I/O comes in as functions. */
export interface RebuilderOptions extends RebuilderSite {
  /** Reads and resolves the config file again; throws when it is now invalid. */
  readonly reloadConfig: () => Promise<RebuilderSite>;
  /** Opens the first session; given the plugins, it does not run the config file again for their code. */
  readonly openSession: (config: ResolvedConfig, plugins: readonly SitePlugin[] | undefined) => BuildSession;
  /**
   * The wall clock. Given, each build is made as of its time unless the
   * config fixes `now` (`--now`, the `now` key): an article written while the
   * preview runs (`newsgen new` dates it this minute) is then published, not
   * held back as scheduled after the time the preview started.
   */
  readonly clock?: () => Date;
  /**
   * Rebuilds after the first build leave the search index to {@link Rebuilder.index}
   * (see `BuildMode.deferSearch`). @default false
   */
  readonly deferSearch?: boolean;
}

/** Turns batches of file changes into builds of one long-lived session. */
export interface Rebuilder {
  /** The config of the current session (the last one that was valid). */
  config(): ResolvedConfig;
  /** Builds everything (no argument) or just what `changes` needs. Never throws. */
  build(changes?: SiteChanges): Promise<RebuildOutcome>;
  /** Brings the search index up to date when a rebuild deferred it (else finds the site up to date). Never throws. */
  index(): Promise<RebuildOutcome>;
  close(): Promise<void>;
}

/**
 * Keeps one build session for a watch and feeds it each batch: content
 * changes as paths, a template change as a recompile, a static change as a
 * plain rebuild (static files are compared by size and mtime). A config
 * change reopens the session with the re-read config; when the config is
 * invalid the old session stays (so the last good site stays served) and
 * every later batch tries the config again until it is fixed.
 */
export function createRebuilder(options: RebuilderOptions): Rebuilder {
  let config = options.config;
  let session = options.openSession(config, options.plugins);
  let configBroken = false;
  let built = false;

  async function reopen(): Promise<RebuildOutcome> {
    let next: RebuilderSite;
    try {
      next = await options.reloadConfig();
    } catch (error) {
      configBroken = true;
      return { ok: false, error };
    }
    configBroken = false;
    config = next.config;
    // What the edit leaves valid is kept: a saved config processed every article and wrote every file again.
    session = await session.reopen(config, next.plugins);
    return run(undefined, true);
  }

  async function run(
    changes: SourceChanges | undefined,
    configChanged: boolean,
    defer = built && options.deferSearch === true,
  ): Promise<RebuildOutcome> {
    built = true;
    try {
      const mode = {
        ...(options.clock && !config.fixedNow ? { now: options.clock() } : {}),
        ...(defer ? { deferSearch: true } : {}),
      };
      return { ok: true, result: await session.build(changes, mode), config, configChanged };
    } catch (error) {
      return { ok: false, error };
    }
  }

  return {
    config: () => config,
    build(changes) {
      if (!changes) return run(undefined, false);
      if (changes.config || configBroken) return reopen();
      if (changes.rescan) return run({ templates: changes.templates }, false);
      return run(
        { changed: changes.changed, removed: changes.removed, templates: changes.templates, static: changes.static },
        false,
      );
    },
    // Nothing changed since the last rebuild: only the index it owes is built.
    index: () => run({ changed: [], removed: [], static: false }, false, false),
    close: () => session.close(),
  };
}
