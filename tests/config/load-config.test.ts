import { describe, expect, test } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';

function catchError(run: () => unknown): NewsgenError {
  try {
    run();
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
  throw new Error('Expected a NewsgenError');
}

describe('parseConfigText', () => {
  test('parses JSON and locates each key value by line and column', () => {
    const text =
      '{\n  "title": "Warta",\n  "publisher": {\n    "name": "PT Warta"\n  },\n  "sections": ["ekonomi", "nasional"]\n}\n';
    const loaded = parseConfigText(text, 'newsgen.config.json', '/site/newsgen.config.json');
    expect(loaded.value).toEqual({
      title: 'Warta',
      publisher: { name: 'PT Warta' },
      sections: ['ekonomi', 'nasional'],
    });
    expect(loaded.file).toBe('/site/newsgen.config.json');
    expect(loaded.displayPath).toBe('newsgen.config.json');
    expect(loaded.locate(['title'])).toEqual({ line: 2, column: 12 });
    expect(loaded.locate(['publisher', 'name'])).toEqual({ line: 4, column: 13 });
    expect(loaded.locate(['sections', 1])).toEqual({ line: 6, column: 27 });
    expect(loaded.locate(['description'])).toBeUndefined();
  });

  test('parses YAML with the same positions', () => {
    const loaded = parseConfigText('title: Warta\ntimeZone: Asia/Jakarta\n', 'newsgen.config.yaml', undefined);
    expect(loaded.value).toEqual({ title: 'Warta', timeZone: 'Asia/Jakarta' });
    expect(loaded.locate(['timeZone'])).toEqual({ line: 2, column: 11 });
  });

  test('keeps dates as text, so `now` is not turned into a UTC Date', () => {
    expect(parseConfigText('now: 2016-09-09\n', 'newsgen.config.yaml', undefined).value).toEqual({ now: '2016-09-09' });
  });

  test('gives an empty object for an empty file', () => {
    expect(parseConfigText('', 'newsgen.config.yaml', undefined).value).toEqual({});
  });

  test('throws a positioned config-syntax error for broken JSON', () => {
    const error = catchError(() =>
      parseConfigText('{\n  "title": "Warta",\n  "perPage": 10,,\n}\n', 'newsgen.config.json', undefined),
    );
    expect(error.code).toBe('config-syntax');
    expect(error.file).toBe('newsgen.config.json');
    expect(error.diagnostics.length).toBeGreaterThan(0);
    expect(error.diagnostics[0]).toMatchObject({
      file: 'newsgen.config.json',
      ruleId: 'config-syntax',
      place: { line: 3 },
    });
    expect(error.place).toEqual(error.diagnostics[0]?.place);
  });

  test('throws for a key written twice', () => {
    const error = catchError(() =>
      parseConfigText('title: A\nperPage: 5\ntitle: B\n', 'newsgen.config.yaml', undefined),
    );
    expect(error.code).toBe('config-syntax');
    expect(error.diagnostics[0]?.place?.line).toBe(3);
  });
});
