import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteChanges, WatchDirs } from '../../src/watch/collect-changes.js';
import { type FileWatcher, type SiteWatcher, watchSite } from '../../src/watch/watch-site.js';
import { createFixtureSite } from '../helpers/fixture-site.js';
import { waitFor } from '../server/start-serve.js';

const DIRS: WatchDirs = {
  content: '/s/content',
  templates: undefined,
  static: '/s/static',
  config: undefined,
  out: '/s/dist',
};

/** A watcher whose events the test fires by hand. */
function createFakeWatcher(): FileWatcher & {
  emit(event: string, ...args: unknown[]): boolean;
  ignored: (file: string) => boolean;
} {
  const emitter = new EventEmitter();
  const fake = Object.assign(emitter, {
    ignored: (_file: string) => false,
    add: () => fake,
    unwatch: () => fake,
    close: async () => undefined,
  });
  return fake;
}

let running: SiteWatcher | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function start(
  onChanges: (changes: SiteChanges) => Promise<void>,
  errors: unknown[] = [],
): ReturnType<typeof createFakeWatcher> {
  const fake = createFakeWatcher();
  running = watchSite({
    dirs: DIRS,
    onChanges,
    onError: (error) => errors.push(error),
    debounceMs: 10,
    settleMs: 30,
    // Fake folders, and fake timers in some tests: no interval looking them up.
    rootCheckMs: 0,
    createWatcher: (_paths, ignored) => {
      fake.ignored = ignored;
      return fake;
    },
  });
  return fake;
}

describe('watchSite', () => {
  it('folds a burst of events into one batch', async () => {
    const batches: SiteChanges[] = [];
    const fake = start(async (changes) => void batches.push(changes));
    for (const name of ['a', 'b', 'c']) fake.emit('all', 'change', `/s/content/${name}.md`);
    fake.emit('all', 'unlink', '/s/content/d.md');
    await running?.idle();
    expect(batches[0]).toEqual({
      changed: ['/s/content/a.md', '/s/content/b.md', '/s/content/c.md'],
      removed: ['/s/content/d.md'],
      templates: false,
      static: false,
      config: false,
      rescan: true,
    });
  });

  it('lists the folder once more after a burst has settled, and only once (issue 25)', async () => {
    const batches: SiteChanges[] = [];
    const fake = start(async (changes) => void batches.push(changes));
    fake.emit('all', 'change', '/s/content/a.md');
    await running?.idle();
    expect(batches).toHaveLength(1);
    fake.emit('all', 'change', '/s/content/a.md');
    fake.emit('all', 'change', '/s/content/b.md');
    await running?.idle();
    expect(batches.map((batch) => [batch.changed.length, batch.rescan])).toEqual([
      [1, false],
      [2, true],
      [0, true],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(batches).toHaveLength(3);
  });

  it('builds a removal from its event, then lists the folder once when it has settled', async () => {
    const batches: SiteChanges[] = [];
    const fake = start(async (changes) => void batches.push(changes));
    fake.emit('all', 'unlink', '/s/content/a.md');
    await running?.idle();
    expect(batches.map((batch) => [batch.removed, batch.rescan])).toEqual([
      [['/s/content/a.md'], false],
      [[], true],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(batches).toHaveLength(2);
  });

  it('never overlaps builds and builds what changed meanwhile next', async () => {
    // Fake timers let the test fire the debounce timer itself: the second batch's
    // timer has certainly run, and found a build running, before the assertion.
    vi.useFakeTimers();
    try {
      const batches: SiteChanges[] = [];
      let active = 0;
      let overlapped = false;
      let release = (): void => undefined;
      const firstBuildBlocked = new Promise<void>((resolve) => (release = resolve));
      const fake = start(async (changes) => {
        active += 1;
        overlapped ||= active > 1;
        batches.push(changes);
        if (batches.length === 1) await firstBuildBlocked;
        active -= 1;
      });
      fake.emit('all', 'change', '/s/content/a.md');
      await vi.runOnlyPendingTimersAsync();
      expect(batches).toHaveLength(1);
      fake.emit('all', 'change', '/s/content/b.md');
      fake.emit('all', 'add', '/s/static/logo.png');
      await vi.runOnlyPendingTimersAsync();
      expect(batches).toHaveLength(1);
      release();
      await vi.runAllTimersAsync();
      expect(overlapped).toBe(false);
      expect(batches.map((batch) => batch.changed)).toEqual([['/s/content/a.md'], ['/s/content/b.md']]);
      expect(batches[1]?.static).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores swap files and reports watcher limits with the fix', async () => {
    const errors: unknown[] = [];
    const fake = start(async () => undefined, errors);
    expect(fake.ignored('/s/content/.a.md.swp')).toBe(true);
    expect(fake.ignored('/s/content/a.md')).toBe(false);
    fake.emit(
      'error',
      Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' }),
    );
    expect(String((errors[0] as { hint?: string }).hint)).toContain('fs.inotify.max_user_watches=524288');
  });

  it('keeps watching after a build throws', async () => {
    const errors: unknown[] = [];
    const batches: SiteChanges[] = [];
    const fake = start(async (changes) => {
      batches.push(changes);
      if (batches.length === 1) throw new Error('first build broke');
    }, errors);
    fake.emit('all', 'change', '/s/content/a.md');
    expect(await waitFor(() => errors.length === 1)).toBe(true);
    fake.emit('all', 'change', '/s/content/b.md');
    expect(await waitFor(() => batches.length === 2)).toBe(true);
    expect(batches[1]?.changed).toEqual(['/s/content/b.md']);
  });
});

describe('watchSite and swallowed events', () => {
  it('builds a second save that the watcher reported no event for', async () => {
    const site = createFixtureSite({ 'content/a.md': 'first' });
    const file = path.join(site, 'content', 'a.md');
    const batches: SiteChanges[] = [];
    const fake = createFakeWatcher();
    running = watchSite({
      dirs: {
        content: path.join(site, 'content'),
        templates: undefined,
        static: path.join(site, 'static'),
        config: undefined,
        out: path.join(site, 'dist'),
      },
      onChanges: async (changes) => void batches.push(changes),
      onError: () => undefined,
      debounceMs: 5,
      createWatcher: () => fake,
    });
    try {
      fake.emit('all', 'change', file);
      // Saved again at once: the watcher stays silent, as chokidar does within 50 ms.
      writeFileSync(file, 'second save, longer than the first');
      expect(await waitFor(() => batches.length === 2, 2_000)).toBe(true);
      expect(batches[1]?.changed).toEqual([file]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('watchSite on the real file system', () => {
  it('becomes ready despite a symlink loop and a missing folder, and reports changes and deletions but not swap files', async () => {
    const site = createFixtureSite({ 'content/ekonomi/a.md': 'a', 'content/ekonomi/b.md': 'b', 'static/x.txt': 'x' });
    symlinkSync(path.join(site, 'content'), path.join(site, 'content', 'ekonomi', 'loop'));
    symlinkSync('.', path.join(site, 'content', 'self'));
    const batches: SiteChanges[] = [];
    running = watchSite({
      // A missing folder among the roots must not make `ready` come early.
      dirs: {
        content: path.join(site, 'content'),
        templates: path.join(site, 'templates'),
        static: path.join(site, 'static'),
        config: undefined,
        out: path.join(site, 'dist'),
      },
      onChanges: async (changes) => void batches.push(changes),
      onError: () => undefined,
    });
    try {
      await running.ready;
      rmSync(path.join(site, 'content', 'ekonomi', 'b.md'));
      writeFileSync(path.join(site, 'content', 'ekonomi', '.a.md.swp'), 'swap');
      writeFileSync(path.join(site, 'content', 'ekonomi', 'a.md'), 'changed');
      mkdirSync(path.join(site, 'content', 'olahraga'));
      const changed = path.join(site, 'content', 'ekonomi', 'a.md');
      expect(await waitFor(() => batches.some((batch) => batch.changed.includes(changed)))).toBe(true);
      await running.idle();
      expect(await waitFor(() => batches.some((batch) => batch.removed.length > 0))).toBe(true);
      await running.idle();
      expect(batches.flatMap((batch) => batch.changed)).toEqual([path.join(site, 'content', 'ekonomi', 'a.md')]);
      expect(batches.flatMap((batch) => batch.removed)).toEqual([path.join(site, 'content', 'ekonomi', 'b.md')]);
    } finally {
      await running.close();
      running = undefined;
      rmSync(site, { recursive: true, force: true });
    }
  });
});
