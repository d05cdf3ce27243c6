import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalProgress } from '../../src/logger/terminal-progress.js';

function terminal() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  let time = 0;
  return {
    stream,
    clock: { now: () => time },
    advanceTime: (ms: number) => {
      time += ms;
    },
    output: () => text,
  };
}

describe('the terminal progress display', () => {
  it('shows nothing during the first second, so quick builds do not flicker', () => {
    const tty = terminal();
    const progress = createTerminalProgress(tty.stream, tty.clock);
    progress.start('markdown', 'files', 10);
    tty.advanceTime(900);
    progress.advance(5);
    progress.stop();
    expect(tty.output()).toBe('');
  });

  it('then shows the stage and its count on one line, redrawn in place, and clears it at the end', () => {
    const tty = terminal();
    const progress = createTerminalProgress(tty.stream, tty.clock);
    progress.start('markdown', 'files', 10_000);
    tty.advanceTime(1500);
    progress.advance(4210);
    expect(tty.output()).toContain('markdown  4,210 / 10,000 files');
    expect(tty.output()).not.toContain('\n');
    progress.advance(1);
    expect(tty.output()).not.toContain('4,211');
    tty.advanceTime(200);
    progress.start('render', 'pages');
    expect(tty.output()).toContain('render    0 pages');
    const before = tty.output().length;
    progress.stop();
    expect(tty.output().slice(before)).toBe('\u001b[1G\u001b[2K');
  });
});
