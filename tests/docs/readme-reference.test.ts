import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/diagnostics/error-codes.js';
import { ROOT } from '../helpers/fixture-site.js';

/** Where the error-code table lives (docs/, which the package does not ship: the hints are in the code). */
const ERROR_CODES_DOC = path.join(ROOT, 'docs', 'error-codes.md');
const START = '<!-- error-codes:start -->\n';
const END = '<!-- error-codes:end -->';

/** The error-code table as docs/error-codes.md shows it, from the catalogue. */
function renderErrorCodes(): string {
  const rows = Object.entries(ERROR_CODES)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, info]) => `| \`${code}\` | ${info.title} | ${info.hint.replaceAll('|', '\\|')} |`);
  return ['| code | what | what to do |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

describe('the README reference', () => {
  it('lists every error code of the catalogue with its title and hint (UPDATE=1 writes the table again)', () => {
    const readme = readFileSync(ERROR_CODES_DOC, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'docs/error-codes.md needs the error-codes markers').toBeGreaterThan(-1);
    const table = renderErrorCodes();
    const updated = readme.slice(0, start + START.length) + table + readme.slice(end);
    if (process.env['UPDATE']) writeFileSync(ERROR_CODES_DOC, updated);
    expect(readFileSync(ERROR_CODES_DOC, 'utf8'), 'the error-code table is out of date: run npm run docs').toBe(
      updated,
    );
    for (const code of Object.keys(ERROR_CODES)) expect(table).toContain(`| \`${code}\` |`);
  });

  it('names every folder of src/ in docs/architecture.md', () => {
    const architecture = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const folders = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.length).toBeGreaterThan(10);
    for (const folder of folders) expect(architecture, `src/${folder.name}/`).toContain(`\`src/${folder.name}/\``);
  });

  it('shows a --json report that matches the report schema (docs/cli.md)', () => {
    const readme = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const blocks = [...readme.matchAll(/```json\n(\{\n {2}"reportVersion"[\s\S]*?)```/g)].map(
      (match) => match[1] ?? '',
    );
    expect(blocks).toHaveLength(1);
    const validate = new Ajv().compile(
      JSON.parse(readFileSync(path.join(ROOT, 'tests/report/build-report.schema.json'), 'utf8')),
    );
    expect(validate(JSON.parse(blocks[0] ?? '')), JSON.stringify(validate.errors)).toBe(true);
  });
});
