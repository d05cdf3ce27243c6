import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import {
  findTooDeep,
  HTML_NESTING,
  MARKDOWN_NESTING,
  MAX_HTML_NESTING,
  MAX_NESTING,
} from '../../src/markdown/nesting-limit.js';

const processor = createMarkdownProcessor();

/** The error `render` throws for `markdown`, or undefined when it renders. */
function renderError(markdown: string): NewsgenError | undefined {
  try {
    processor.render(markdown);
    return undefined;
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
}

/** Quotes nested so that the paragraph's text sits `depth` levels deep (root > blockquote… > paragraph > text). */
const quotes = (depth: number) => `${'> '.repeat(depth - 2)}kutipan\n`;
/** Raw HTML elements nested so that the text sits `depth` levels deep (root > div… > text). */
const divs = (depth: number) => `${'<div>'.repeat(depth - 1)}isi${'</div>'.repeat(depth - 1)}\n`;

describe('findTooDeep', () => {
  test('finds the first node beyond the limit, in document order', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'a', children: [{ type: 'b', children: [{ type: 'shallow-leaf' }] }] },
        {
          type: 'c',
          children: [{ type: 'd', children: [{ type: 'e', children: [{ type: 'first' }, { type: 'second' }] }] }],
        },
      ],
    };
    expect(findTooDeep(tree, 4)).toBeUndefined();
    expect(findTooDeep(tree, 3)?.type).toBe('first');
    expect(findTooDeep(tree, 2)?.type).toBe('shallow-leaf');
  });

  test('checks a tree far deeper than the stack could recurse into', () => {
    let node: { type: string; children?: unknown[] } = { type: 'leaf' };
    for (let level = 0; level < 200_000; level += 1) node = { type: 'wrapper', children: [node] };
    expect(findTooDeep(node as never, 199_999)?.type).toBe('leaf');
    expect(findTooDeep(node as never, 200_000)).toBeUndefined();
  });
});

describe('render and nesting', () => {
  test('renders Markdown nested up to the limit', () => {
    expect(renderError(quotes(MAX_NESTING))).toBeUndefined();
    expect(processor.render(quotes(MAX_NESTING)).html.match(/<blockquote>/g)).toHaveLength(MAX_NESTING - 2);
  });

  test('refuses Markdown nested one level beyond, at the first node too deep', () => {
    const error = renderError(`Pembuka.\n\n${quotes(MAX_NESTING + 1)}`);
    expect(error?.code).toBe(MARKDOWN_NESTING);
    // Line 3, after 255 quote markers `> ` (the paragraph starts at the last one's content).
    expect(error?.place).toEqual({ line: 3, column: 2 * (MAX_NESTING - 1) + 1 });
    expect(error?.message).toMatch(/nested more than 256 levels deep/);
  });

  // Timeout: renders documents nested thousands of levels deep, seconds on a busy machine.
  test('refuses emphasis and lists nested too deeply', () => {
    expect(renderError(`${'*a '.repeat(MAX_NESTING)}x${' a*'.repeat(MAX_NESTING)}\n`)?.code).toBe(MARKDOWN_NESTING);
    const list = Array.from({ length: MAX_NESTING }, (_, level) => `${'  '.repeat(level)}- butir`).join('\n');
    expect(renderError(`${list}\n`)?.code).toBe(MARKDOWN_NESTING);
  }, 30_000);

  test('renders raw HTML nested up to its limit and refuses it one level beyond, at the first HTML', () => {
    expect(renderError(divs(MAX_HTML_NESTING))).toBeUndefined();
    const error = renderError(`Pembuka <b>tebal</b>.\n\n${divs(MAX_HTML_NESTING + 1)}`);
    expect(error?.code).toBe(HTML_NESTING);
    expect(error?.place).toEqual({ line: 1, column: 9 });
  });

  // Timeout: parses 100,000 nested elements until the stack runs out.
  test('refuses raw HTML so deep that the stack runs out before the check, with the same error', () => {
    const shallow = renderError(divs(MAX_HTML_NESTING + 1));
    const deep = renderError(divs(100_000));
    expect(deep?.code).toBe(HTML_NESTING);
    expect(deep?.message).toBe(shallow?.message);
    expect(deep?.place).toEqual(shallow?.place);
  }, 30_000);

  // Timeout: starts a worker thread that loads the whole pipeline and renders five deep documents.
  test('gives the same outcome in a worker thread, whose stack is larger', async () => {
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.module).then(({ createMarkdownProcessor }) => {
        const processor = createMarkdownProcessor();
        parentPort.postMessage(workerData.inputs.map((markdown) => {
          try { processor.render(markdown); return 'ok'; } catch (error) { return error.code ?? String(error); }
        }));
      });`;
    const inputs = [quotes(MAX_NESTING), quotes(5_000), divs(MAX_HTML_NESTING), divs(3_000), divs(100_000)];
    const worker = new Worker(source, {
      eval: true,
      workerData: { module: new URL('../../lib/markdown/create-processor.js', import.meta.url).href, inputs },
    });
    const inWorker = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(inWorker).toEqual(inputs.map((markdown) => renderError(markdown)?.code ?? 'ok'));
    expect(inWorker).toEqual(['ok', MARKDOWN_NESTING, 'ok', HTML_NESTING, HTML_NESTING]);
  }, 60_000);
});
