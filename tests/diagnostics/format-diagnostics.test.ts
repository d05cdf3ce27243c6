import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { displayWidth } from '../../src/diagnostics/display-width.js';
import { formatDiagnostics, formatError, formatFailure } from '../../src/diagnostics/format-diagnostics.js';
import { NewsgenError } from '../../src/diagnostics/newsgen-error.js';

const ESC = '\u001b[';

const dateProblem = createDiagnostic({
  file: 'content/ekonomi/beras.md',
  place: { line: 4, column: 7 },
  reason: 'Unexpected date "kemarin", expected an ISO 8601 date',
  ruleId: 'front-matter-date',
  hint: 'Write the date like 2024-05-01T08:00:00+07:00.',
});
const duplicate = createDiagnostic({
  file: 'content/olahraga/final.md',
  place: { line: 2, column: 1 },
  reason: 'Unexpected URL /olahraga/final/, already taken',
  ruleId: 'duplicate-url',
  cause: { file: 'content/olahraga/final-lama.md', place: { line: 2, column: 1 } },
});
const warning = createDiagnostic({
  file: 'content/ekonomi/beras.md',
  place: { line: 1, column: 1 },
  reason: 'Unexpected missing summary, expected one for feeds',
  ruleId: 'news-summary-missing',
  severity: 'warning',
});

describe('formatDiagnostics', () => {
  it('prints one line per diagnostic with location, severity, reason and rule id', () => {
    const lines = formatDiagnostics([dateProblem], { color: false }).split('\n');
    expect(lines[0]).toMatch(
      /^content\/ekonomi\/beras\.md:4:7 +error +Unexpected date "kemarin", expected an ISO 8601 date +front-matter-date$/,
    );
  });

  it('indents the hint and the place of the first definition under their diagnostic', () => {
    const text = formatDiagnostics([dateProblem, duplicate], { color: false });
    const lines = text.split('\n');
    const hintIndex = lines.findIndex((line) => line.includes('Write the date like'));
    expect(lines[hintIndex - 1]).toContain('front-matter-date');
    expect(lines[hintIndex]).toMatch(/^ {2}hint: /);
    const causeIndex = lines.findIndex((line) => line.includes('first defined at'));
    expect(lines[causeIndex]).toBe('  first defined at content/olahraga/final-lama.md:2:1');
    expect(lines[causeIndex - 1]).toContain('duplicate-url');
  });

  it('sorts by file, then line, whatever the input order', () => {
    const text = formatDiagnostics([duplicate, dateProblem, warning], { color: false });
    const order = ['news-summary-missing', 'front-matter-date', 'duplicate-url'].map((id) => text.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('aligns the severity column', () => {
    const text = formatDiagnostics([dateProblem, duplicate, warning], { color: false });
    const columns = text
      .split('\n')
      .filter((line) => line.startsWith('content/'))
      .map((line) => line.search(/\b(error|warning)\b/));
    expect(new Set(columns).size).toBe(1);
  });

  it('aligns the severity column by terminal columns: a CJK file name takes two per character', () => {
    const at = (file: string) =>
      createDiagnostic({
        file,
        place: { line: 5, column: 9 },
        reason: 'x',
        ruleId: 'news-summary-missing',
        severity: 'warning',
      });
    const lines = formatDiagnostics([at('content/news/東京で地震.md'), at('content/news/tokyo-de-jishin.md')], {
      color: false,
    }).split('\n');
    const column = (line: string) => displayWidth(line.slice(0, line.indexOf('warning')));
    expect(column(lines[0] ?? '')).toBe(column(lines[1] ?? ''));
    expect(displayWidth('東京で地震')).toBe(10);
    expect(displayWidth('Cafe\u0301 Ünïcödé')).toBe(12);
  });

  it('does not pad every line to one very long path', () => {
    const at = (file: string) => createDiagnostic({ file, reason: 'x', ruleId: 'link-broken', severity: 'warning' });
    const text = formatDiagnostics([at(`content/${'sangat-panjang-'.repeat(10)}.md`), at('content/a.md')], {
      color: false,
    });
    expect(text).toContain('content/a.md  warning  x');
  });

  it('prints the two hundred thousand warnings of a migrated archive (regression: a stack overflow past about 125,000)', () => {
    const many = Array.from({ length: 200_000 }, (_, index) =>
      createDiagnostic({
        file: `content/arsip/berita-${index}.md`,
        place: { line: 8, column: 8 },
        reason: 'Image /images/foto.jpg resolves to nothing',
        ruleId: 'link-broken',
        severity: 'warning',
      }),
    );
    const text = formatDiagnostics(many, { color: false });
    expect(text.split('\n').at(-1)).toBe('⚠ 200,000 warnings: 200,000 link-broken');
    expect(text.startsWith('content/arsip/berita-0.md:8:8 ')).toBe(true);
  });

  it('prints a hint once per rule, under its first diagnostic, so ten thousand warnings are not twenty thousand lines', () => {
    const missingAlt = Array.from({ length: 3 }, (_, index) =>
      createDiagnostic({
        file: `content/ekonomi/berita-${index}.md`,
        place: { line: 9, column: 1 },
        reason: 'Image without alternative text',
        ruleId: 'image-alt-missing',
        severity: 'warning',
        hint: 'Describe what the image shows.',
      }),
    );
    const lines = formatDiagnostics([...missingAlt, dateProblem], { color: false }).split('\n');
    expect(lines.filter((line) => line === '  hint: Describe what the image shows.')).toHaveLength(1);
    expect(lines[lines.indexOf('  hint: Describe what the image shows.') - 1]).toContain('berita-0.md');
    expect(lines.filter((line) => line.includes('hint: Write the date like'))).toHaveLength(1);
  });

  it('prints each different hint of a rule, and the same hint again under another rule', () => {
    const problems = [
      { file: 'a.md', ruleId: 'image-missing', hint: 'Add the file.' },
      { file: 'b.md', ruleId: 'image-missing', hint: 'Fix the path.' },
      { file: 'c.md', ruleId: 'image-missing', hint: 'Add the file.' },
      { file: 'd.md', ruleId: 'link-broken', hint: 'Add the file.' },
    ] as const;
    const text = formatDiagnostics(
      problems.map(({ file, ruleId, hint }) =>
        createDiagnostic({ file, reason: 'Missing', ruleId, severity: 'warning', hint }),
      ),
      { color: false },
    );
    const lines = text.split('\n');
    expect(lines.filter((line) => line === '  hint: Add the file.')).toHaveLength(2);
    expect(lines.filter((line) => line === '  hint: Fix the path.')).toHaveLength(1);
    expect(lines[lines.indexOf('  hint: Fix the path.') - 1]).toMatch(/^b\.md /);
  });

  it('counts a long list by rule id at its end, most frequent first, digits grouped', () => {
    const problems = Array.from({ length: 1500 }, (_, index) =>
      createDiagnostic({
        file: `content/arsip/berita-${index}.md`,
        place: { line: 8, column: 8 },
        reason: 'Unexpected link',
        ruleId: index % 3 === 0 ? 'image-missing' : 'link-broken',
        severity: 'warning',
      }),
    );
    const text = formatDiagnostics([...problems, dateProblem], { color: false });
    expect(text.split('\n').at(-1)).toBe(
      '✖ 1 error, 1,500 warnings: 1,000 link-broken, 500 image-missing, 1 front-matter-date',
    );
    expect(formatDiagnostics([dateProblem, warning], { color: false }).split('\n').at(-1)).toBe('✖ 1 error, 1 warning');
  });

  it('ends with a count of errors and warnings', () => {
    const text = formatDiagnostics([dateProblem, duplicate, warning], { color: false });
    expect(text.split('\n').at(-1)).toBe('✖ 2 errors, 1 warning');
    expect(formatDiagnostics([dateProblem], { color: false }).split('\n').at(-1)).toBe('✖ 1 error');
    expect(formatDiagnostics([warning, warning], { color: false }).split('\n').at(-1)).toBe('⚠ 2 warnings');
  });

  it('prints a file without a position as just its path', () => {
    const noPlace = createDiagnostic({
      file: 'newsgen.config.yaml',
      reason: 'Unexpected key',
      ruleId: 'config-unknown-key',
    });
    expect(formatDiagnostics([noPlace], { color: false }).split('\n')[0]).toMatch(/^newsgen\.config\.yaml {2}error/);
  });

  it('prints nothing for no diagnostics', () => {
    expect(formatDiagnostics([], { color: true })).toBe('');
  });

  it('uses ANSI colours only when asked to', () => {
    expect(formatDiagnostics([dateProblem, warning], { color: false })).not.toContain(ESC);
    const coloured = formatDiagnostics([dateProblem, warning], { color: true });
    expect(coloured).toContain(`${ESC}31merror`);
    expect(coloured).toContain(`${ESC}33mwarning`);
  });
});

describe('formatError', () => {
  it('prints the location, message, code and hint of an operational error', () => {
    const error = new NewsgenError('Unexpected tab in YAML, expected spaces', {
      code: 'config-syntax',
      file: 'newsgen.config.yaml',
      place: { line: 3, column: 1 },
      hint: 'Indent with spaces.',
    });
    expect(formatError(error, { color: false }).split('\n')).toEqual([
      'newsgen.config.yaml:3:1  error  Unexpected tab in YAML, expected spaces  config-syntax',
      '  hint: Indent with spaces.',
    ]);
  });

  it('starts with the severity when the error has no file', () => {
    const error = new NewsgenError('Refusing to use "." as the output folder', { code: 'unsafe-out-dir', exitCode: 2 });
    expect(formatError(error, { color: false })).toBe(
      'error  Refusing to use "." as the output folder  unsafe-out-dir',
    );
  });

  it('adds the message of the underlying cause', () => {
    const cause = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const error = new NewsgenError('Could not write dist/index.html', { code: 'output-io', cause });
    expect(formatError(error, { color: false })).toContain('  cause: EACCES: permission denied');
  });

  it('leaves the diagnostics the error carries to formatDiagnostics, so they are not printed twice', () => {
    const error = new NewsgenError('The build failed', { code: 'build-failed', diagnostics: [dateProblem, duplicate] });
    expect(formatError(error, { color: false })).toBe('error  The build failed  build-failed');
  });

  it('colours the severity when asked to', () => {
    const error = new NewsgenError('Broken', { code: 'build-failed' });
    expect(formatError(error, { color: true })).toContain(`${ESC}31merror${ESC}39m`);
  });
});

describe('formatFailure', () => {
  it('ends the diagnostics with the line of an error that says what failed', () => {
    const error = new NewsgenError('Build failed: 1 error in 1 file (content)', {
      code: 'build-failed',
      diagnostics: [dateProblem],
    });
    expect(formatFailure(error, { color: false }).split('\n').slice(-3)).toEqual([
      '',
      '✖ 1 error',
      'error  Build failed: 1 error in 1 file (content)  build-failed',
    ]);
  });

  it('prints an error that only gathers its diagnostics, at the place of one, as them alone', () => {
    const error = new NewsgenError('Invalid config in content/ekonomi/beras.md', {
      code: 'config-invalid',
      file: dateProblem.file,
      place: dateProblem.place,
      diagnostics: [dateProblem, warning],
    });
    expect(formatFailure(error, { color: false })).toBe(formatDiagnostics([dateProblem, warning], { color: false }));
  });
});
