import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel, resolveLogLevel } from '../../src/logger/create-logger.js';

/** A stream that remembers what was written to it. */
function createSink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

function logEveryLevel(level: LogLevel): string {
  const sink = createSink();
  const logger = createLogger({ level, stream: sink.stream });
  logger.debug('d');
  logger.info('i');
  logger.warn('w');
  logger.error('e');
  return sink.text();
}

describe('createLogger', () => {
  it.each<[LogLevel, string]>([
    ['debug', 'd\ni\nw\ne\n'],
    ['info', 'i\nw\ne\n'],
    ['warn', 'w\ne\n'],
    ['error', 'e\n'],
    ['silent', ''],
  ])('at level %s lets through only messages at that level or above', (level, expected) => {
    expect(logEveryLevel(level)).toBe(expected);
  });

  it.each<[LogLevel, string]>([
    ['debug', 'debug info warn error'],
    ['info', 'info warn error'],
    ['error', 'error'],
    ['silent', ''],
  ])('at level %s says it shows exactly the levels it writes', (level, shown) => {
    const logger = createLogger({ level, stream: createSink().stream });
    const levels = ['debug', 'info', 'warn', 'error'] as const;
    expect(levels.filter((one) => logger.shows?.(one)).join(' ')).toBe(shown);
  });

  it('writes each message on its own line, as it is', () => {
    const sink = createSink();
    createLogger({ level: 'info', stream: sink.stream }).info('Built 3 articles → 9 pages in 12 ms');
    expect(sink.text()).toBe('Built 3 articles → 9 pages in 12 ms\n');
  });
});

describe('resolveLogLevel', () => {
  it('maps --quiet to error, --verbose to debug, and nothing to info', () => {
    expect(resolveLogLevel({ quiet: true })).toBe('error');
    expect(resolveLogLevel({ verbose: true })).toBe('debug');
    expect(resolveLogLevel({})).toBe('info');
  });

  it('lets --quiet win over --verbose', () => {
    expect(resolveLogLevel({ quiet: true, verbose: true })).toBe('error');
  });
});
