import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { listContent, statAside, statListing } from '../../src/incremental/content-stats.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';

/** How the mocked thread behaves: fails to start, or answers once with `answer` (or an error). */
const thread = vi.hoisted(() => ({ mode: 'throw' as 'throw' | 'answer' | 'error', answer: '' as unknown }));

vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  class FakeWorker extends EventEmitter {
    constructor() {
      super();
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

  test("a thread's answer is paired with the listing's files in order", async () => {
    thread.mode = 'answer';
    thread.answer = '10:1\n20:2';
    const stats = await statAside(listing());
    expect(stats.files).toEqual([
      { path: 'ekonomi/beras.md', stat: '10:1' },
      { path: 'ekonomi/cabai.md', stat: '20:2' },
    ]);
  });
});
