import { describe, expect, test } from 'vitest';
import { catchNewsgenError } from '../helpers/catch-newsgen-error.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

describe('YAML mistakes in newsgen.config.yaml', () => {
  test('places each YAML mistake where it was made, with words saying what to do', () => {
    const text = [
      'title: "Warta Nusantara',
      'baseUrl: https://warta.example/',
      'description: Berita: terkini dari Nusantara',
      'languages: [id, en',
      'timeZone: Asia/Jakarta',
    ].join('\n');
    const error = catchNewsgenError(() => parseConfigText(`${text}\n`, 'newsgen.config.yaml', undefined));
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'config-syntax',
        place: { line: 1, column: 8 },
        reason: expect.stringContaining('Unexpected `"` that is never closed'),
      }),
    ]);
    const rest = catchNewsgenError(() =>
      parseConfigText(text.replace('"', ''), 'newsgen.config.yaml', undefined),
    ).diagnostics.map((diagnostic) => [diagnostic.place, diagnostic.reason.slice(0, 38)]);
    expect(rest).toEqual([
      [{ line: 3, column: 20 }, 'Unexpected `:` inside the value of `de'],
      [{ line: 4, column: 12 }, 'Unexpected `[` that is never closed, e'],
    ]);
  });

  test('names the first of two equal keys as the cause', () => {
    const error = catchNewsgenError(() =>
      parseConfigText('title: A\nperPage: 5\ntitle: B\n', 'newsgen.config.yaml', undefined),
    );
    expect(error.diagnostics[0]).toMatchObject({
      reason: 'Unexpected second `title`, expected each key once',
      cause: { file: 'newsgen.config.yaml', place: { line: 1, column: 1 } },
    });
  });
});
