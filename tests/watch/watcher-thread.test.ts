import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileWatcher } from '../../src/watch/chokidar-watcher.js';
import type * as WatcherThread from '../../src/watch/watcher-thread.js';

// The built module, with its worker entry beside it as JavaScript (run from sources, chokidar stays on this thread).
const { startWatcherThread } = (await import(
  new URL('../../lib/watch/watcher-thread.js', import.meta.url).href
)) as typeof WatcherThread;
const WORKER = new URL('../../lib/watch/watch-worker.js', import.meta.url);

describe('the watcher thread', () => {
  let root: string;
  let watcher: FileWatcher | undefined;
  const events: string[] = [];
  const errors: unknown[] = [];

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-watcher-')));
    fs.mkdirSync(path.join(root, 'content'));
    fs.writeFileSync(path.join(root, 'content', 'old.md'), 'old');
    events.length = 0;
    errors.length = 0;
  });
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function start(paths: string[]): Promise<FileWatcher> {
    const started = startWatcherThread(paths, WORKER);
    started.on('all', (event, file) => events.push(`${event} ${path.relative(root, file)}`));
    started.on('error', (error) => errors.push(error));
    await new Promise<void>((resolve) => started.on('ready', resolve));
    watcher = started;
    return started;
  }

  async function until(wanted: string): Promise<void> {
    for (const end = Date.now() + 10_000; Date.now() < end; ) {
      if (events.includes(wanted)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no "${wanted}" event; got ${JSON.stringify(events)}`);
  }

  it("reports chokidar's events from its own thread, in order, skipping editors' temporary files", async () => {
    await start([path.join(root, 'content')]);
    fs.writeFileSync(path.join(root, 'content', '.new.md.swp'), 'swap');
    fs.writeFileSync(path.join(root, 'content', 'new.md'), 'new');
    await until('add content/new.md');
    fs.appendFileSync(path.join(root, 'content', 'old.md'), ' edited');
    await until('change content/old.md');
    fs.rmSync(path.join(root, 'content', 'new.md'));
    await until('unlink content/new.md');
    // On a loaded machine chokidar may see the write land after the file appeared and report a change in between.
    const seen = events.filter((event) => event.includes('new.md'));
    expect(seen[0]).toBe('add content/new.md');
    expect(seen.at(-1)).toBe('unlink content/new.md');
    expect(seen.slice(1, -1).every((event) => event === 'change content/new.md')).toBe(true);
    expect(events.some((event) => event.includes('.swp'))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('watches folders added later, stops watching those taken away, and ends its thread on close', async () => {
    fs.mkdirSync(path.join(root, 'templates'));
    const started = await start([path.join(root, 'content')]);
    started.add([path.join(root, 'templates')]);
    started.unwatch([path.join(root, 'content')]);
    // The thread takes requests in order: a file added after both is seen in the new folder only.
    await new Promise((resolve) => setTimeout(resolve, 300));
    fs.writeFileSync(path.join(root, 'content', 'ignored.md'), 'x');
    fs.writeFileSync(path.join(root, 'templates', 'page.hbs'), 'x');
    await until('add templates/page.hbs');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.some((event) => event.includes('ignored.md'))).toBe(false);
    const before = process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;
    await started.close();
    watcher = undefined;
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length).toBeLessThan(before);
    expect(errors).toEqual([]);
  });

  it('reports a thread that fails as a watcher error', async () => {
    const failing = startWatcherThread([root], new URL('data:text/javascript,throw new Error("no watcher here")'));
    const error = await new Promise<unknown>((resolve) => failing.on('error', resolve));
    expect(String(error)).toContain('no watcher here');
    await failing.close();
  });
});
