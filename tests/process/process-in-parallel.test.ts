import { describe, expect, it } from 'vitest';
// The built module: its worker file sits beside it as JavaScript.
import { processInParallel } from '../../lib/process/process-in-parallel.js';
import type { SourceFile } from '../../src/content/source-file.js';

const encoder = new TextEncoder();

/** `count` small articles, one of them broken. */
function sources(count: number): SourceFile[] {
  return Array.from({ length: count }, (_, index) => {
    const text =
      index === 3
        ? 'tanpa front matter\n'
        : `---\ntitle: Berita ${index}\ndate: 2016-09-09 10:46\n---\n\nIsi berita ${index}.\n`;
    return {
      path: `ekonomi/berita-${index}.md`,
      displayPath: `content/ekonomi/berita-${index}.md`,
      bytes: encoder.encode(text),
    };
  });
}

// Timeout: the worker case starts a worker thread that loads the whole Markdown pipeline.
describe('processInParallel', { timeout: 30_000 }, () => {
  it.each([
    ['on this thread alone', 1, 10],
    ['with a worker', 2, 200],
  ])('gives results in order and reports every file over the slow threshold %s', async (_name, concurrency, count) => {
    const files = sources(count);
    const slow: [string, number][] = [];
    const results = await processInParallel(
      files,
      { timeZone: 'Asia/Jakarta' },
      concurrency,
      {},
      { slowMs: 0, onSlow: (source, ms) => slow.push([source.path, ms]) },
    );
    expect(results.map(({ result }) => result.kind)).toEqual(
      files.map((_, index) => (index === 3 ? 'failed' : 'article')),
    );
    const fifth = results[5];
    expect(fifth?.result.kind === 'article' ? fifth.result.article.title : undefined).toBe('Berita 5');
    // Bodies come back beside the results, never inside the article.
    expect(fifth?.html).toBe('<p>Isi berita 5.</p>');
    expect(fifth?.result).not.toHaveProperty('article.html');
    // A threshold of 0 ms makes every file slow: each is reported once, by its own source, whichever thread ran it.
    expect(slow.map(([path]) => path).sort()).toEqual(files.map((file) => file.path).sort());
    // The duration crosses the thread boundary with the report: a number, not lost on the way.
    for (const [path, ms] of slow) expect(Number.isFinite(ms), path).toBe(true);
  });
});
