import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { hashAside, listContent, statAside, statListing } from '../../src/incremental/content-stats.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';

/** How the mocked thread behaves: fails to start, or answers once with `answer` (or an error); what it was given. */
const thread = vi.hoisted(() => ({
  mode: 'throw' as 'throw' | 'answer' | 'error',
  answer: '' as unknown,
  data: undefined as unknown,
}));

vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  class FakeWorker extends EventEmitter {
    constructor(_url: URL, options: { workerData: unknown }) {
      super();
      thread.data = options.workerData;
      if (thread.mode === 'throw') throw new Error('EAGAIN: no thread for you');
      setImmediate(() => {
        if (thread.mode === 'error') this.emit('error', new Error('the thread crashed'));
        else this.emit('message', thread.answer);
        this.emit('exit', 0);
      });
    }
  }
  return { ...actual, Worker: FakeWorker };
});

// The worker entry exists as far as `statAside` can tell, as it does in the built package.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const existsSync = (file: Parameters<typeof actual.existsSync>[0]) =>
    String(file).endsWith('stat-worker.js') || actual.existsSync(file);
  return { ...actual, existsSync, default: { ...actual, existsSync } };
});

function listing() {
  const dir = createFixtureSite({
    'content/ekonomi/cabai.md': article({ title: 'Harga cabai' }),
    'content/ekonomi/beras.md': article({ title: 'Harga beras' }),
  });
  return listContent(path.join(dir, 'content'));
}

describe('statAside when its thread cannot help', () => {
  test('a thread that cannot start: the stats are taken on this thread', async () => {
    thread.mode = 'throw';
    const listed = listing();
    expect(await statAside(listed)).toEqual(statListing(listed));
  });

  test('a thread that fails or answers for another number of files: the stats are taken on this thread', async () => {
    const listed = listing();
    for (const [mode, answer] of [
      ['error', ''],
      ['answer', '1:2'],
      ['answer', 42],
    ] as const) {
      thread.mode = mode;
      thread.answer = answer;
      expect(await statAside(listed), `${mode} ${answer}`).toEqual(statListing(listed));
    }
  });

  test("a thread's answer is paired with the listing's files in order, with the hashes it read", async () => {
    thread.mode = 'answer';
    thread.answer = '10:1\n20:2\0\nabc';
    const stats = await statAside(listing(), 0);
    expect(stats.files).toEqual([
      { path: 'ekonomi/beras.md', stat: '10:1' },
      { path: 'ekonomi/cabai.md', stat: '20:2', hash: 'abc' },
    ]);
    expect(stats.recent).toEqual([]);
  });
});

describe('hashAside', () => {
  function manyChanged() {
    const dir = createFixtureSite({ 'content/ekonomi/cabai.md': article({ title: 'Harga cabai' }) });
    const content = path.join(dir, 'content');
    for (let n = 0; n < 200; n++) writeFileSync(path.join(content, 'ekonomi', `berita-${n}.md`), article());
    return { content, listed: statListing(listContent(content), 0) };
  }

  test('asks a thread to read the changed files, and pairs its hashes with them by path', async () => {
    const { content, listed } = manyChanged();
    thread.mode = 'answer';
    // The thread answers for the files it was given: stamps are ignored, hashes kept where it read one.
    thread.answer = `${listed.recent.map(() => '1:1').join('\n')}\0${listed.recent.map((_, n) => (n === 1 ? '' : `h${n}`)).join('\n')}`;
    const hashed = await hashAside(content, listed);
    expect(thread.data).toMatchObject({
      base: content,
      files: listed.recent.join('\0'),
      hashable: listed.recent.length,
    });
    expect(hashed.recent).toEqual([]);
    expect(hashed.files.map(({ path, stat }) => ({ path, stat }))).toEqual(listed.files);
    const byPath = new Map(hashed.files.map((file) => [file.path, file.hash]));
    expect(byPath.get(listed.recent[0] as string)).toBe('h0');
    expect(byPath.get(listed.recent[1] as string)).toBeUndefined();
    expect(byPath.get(listed.recent[2] as string)).toBe('h2');
  });

  test('leaves the listing as it is with few changed files, or a thread that fails or answers for others', async () => {
    const { content, listed } = manyChanged();
    const few = { ...listed, recent: listed.recent.slice(0, 199) };
    thread.data = undefined;
    expect(await hashAside(content, few)).toBe(few);
    expect(thread.data).toBeUndefined();
    for (const [mode, answer] of [
      ['throw', ''],
      ['error', ''],
      ['answer', '1:1\0h'],
    ] as const) {
      thread.mode = mode;
      thread.answer = answer;
      expect(await hashAside(content, listed), mode).toBe(listed);
    }
  });
});
