import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/resolved-config.js';
import { NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import type { BuildMode, BuildSession, SessionBuildResult, SourceChanges } from '../../src/pipeline/build-session.js';
import { createRebuilder } from '../../src/watch/create-rebuilder.js';

const RESULT: SessionBuildResult = {
  articles: 1,
  pages: 1,
  written: [],
  deleted: [],
  processed: 0,
  upToDate: false,
  durationMs: 1,
  warnings: [],
  timings: [],
};
const NO_CHANGES = { changed: [], removed: [], templates: false, static: false, config: false, rescan: false };

/** Sessions that record what they were asked to build. */
function createSessions(): {
  calls: { config: string; changes: SourceChanges | undefined }[];
  closed: string[];
  open: (config: ResolvedConfig) => BuildSession;
} {
  const calls: { config: string; changes: SourceChanges | undefined }[] = [];
  const closed: string[] = [];
  const open = (config: ResolvedConfig): BuildSession => ({
    build: async (changes) => {
      calls.push({ config: config.title, changes });
      return RESULT;
    },
    reopen: async (next) => {
      closed.push(config.title);
      return open(next);
    },
    close: async () => void closed.push(config.title),
  });
  return { calls, closed, open };
}

const config = (title: string): ResolvedConfig => ({ title }) as ResolvedConfig;

describe('createRebuilder', () => {
  it('passes content paths, template and static changes and rescans to the session', async () => {
    const sessions = createSessions();
    const rebuilder = createRebuilder({
      config: config('a'),
      reloadConfig: async () => ({ config: config('b') }),
      openSession: sessions.open,
    });
    await rebuilder.build();
    await rebuilder.build({ ...NO_CHANGES, changed: ['/s/content/x.md'], removed: ['/s/content/y.md'] });
    await rebuilder.build({ ...NO_CHANGES, templates: true });
    await rebuilder.build({ ...NO_CHANGES, rescan: true, templates: true });
    await rebuilder.build({ ...NO_CHANGES, static: true });
    expect(sessions.calls.map((call) => call.changes)).toEqual([
      undefined,
      { changed: ['/s/content/x.md'], removed: ['/s/content/y.md'], templates: false, static: false },
      { changed: [], removed: [], templates: true, static: false },
      { templates: true },
      { changed: [], removed: [], templates: false, static: true },
    ]);
  });

  it('reopens the session with the new config when the config changes', async () => {
    const sessions = createSessions();
    const rebuilder = createRebuilder({
      config: config('a'),
      reloadConfig: async () => ({ config: config('b') }),
      openSession: sessions.open,
    });
    const outcome = await rebuilder.build({ ...NO_CHANGES, config: true });
    expect(outcome).toMatchObject({ ok: true, configChanged: true });
    expect(sessions.closed).toEqual(['a']);
    expect(sessions.calls).toEqual([{ config: 'b', changes: undefined }]);
    expect(rebuilder.config().title).toBe('b');
  });

  it('keeps the last good session while the config is invalid, and retries it on every batch', async () => {
    const sessions = createSessions();
    let valid = false;
    const rebuilder = createRebuilder({
      config: config('a'),
      reloadConfig: async () => {
        if (!valid) throw new NewsgenError('Invalid config file', { code: 'config-syntax' });
        return { config: config('b') };
      },
      openSession: sessions.open,
    });
    const broken = await rebuilder.build({ ...NO_CHANGES, config: true });
    expect(broken.ok).toBe(false);
    expect(sessions.closed).toEqual([]);
    expect((await rebuilder.build({ ...NO_CHANGES, changed: ['/s/content/x.md'] })).ok).toBe(false);
    valid = true;
    expect(await rebuilder.build({ ...NO_CHANGES, changed: ['/s/content/x.md'] })).toMatchObject({
      ok: true,
      configChanged: true,
    });
    expect(sessions.calls).toEqual([{ config: 'b', changes: undefined }]);
  });

  // Regression: `newsgen serve` built every rebuild as of the time it started, so an article dated later (a
  // `newsgen new` while the preview ran) counted as scheduled and never showed.
  it('builds each batch as of the wall clock, unless the config fixes the clock with --now or `now`', async () => {
    const modes: (BuildMode | undefined)[] = [];
    const open = (): BuildSession => ({
      build: async (_changes, mode) => {
        modes.push(mode);
        return RESULT;
      },
      reopen: async () => open(),
      close: async () => undefined,
    });
    const times = [new Date('2026-12-07T09:00:00Z'), new Date('2026-12-07T11:05:00Z')];
    const live = createRebuilder({
      config: config('a'),
      reloadConfig: async () => ({ config: { ...config('b'), fixedNow: true } }),
      openSession: open,
      clock: () => times.shift() ?? new Date(0),
    });
    await live.build();
    await live.build({ ...NO_CHANGES, changed: ['/s/content/x.md'] });
    await live.build({ ...NO_CHANGES, config: true });
    expect(modes).toEqual([{ now: new Date('2026-12-07T09:00:00Z') }, { now: new Date('2026-12-07T11:05:00Z') }, {}]);
  });

  it('returns a failed build instead of throwing', async () => {
    const failing = createRebuilder({
      config: config('a'),
      reloadConfig: async () => ({ config: config('a') }),
      openSession: () => ({
        build: async () => {
          throw new NewsgenError('Build failed', { code: 'build-failed' });
        },
        reopen: async () => {
          throw new Error('not reopened');
        },
        close: async () => undefined,
      }),
    });
    const outcome = await failing.build();
    expect(outcome.ok).toBe(false);
  });
});
