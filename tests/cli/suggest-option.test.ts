import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestOption } from '../../src/cli/suggest-option.js';
import { createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

describe('an unknown option', () => {
  it.each([
    ['--out-dir', '--out'],
    ['--outDir', '--out'],
    ['--output-dir', '--out'],
    ['--out-dir=publik', '--out'],
    ['--base', '--base-url'],
  ])('%s gets a suggestion (%s) and exit 2, also in the JSON report', async (flag, meant) => {
    const dir = createFixtureSite({ 'content/ekonomi/.gitkeep': '' });
    const run = await runMain(dir, ['build', flag, 'publik']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`(Did you mean ${meant}?)`);
    const json = await runMain(dir, ['build', '--json', flag, 'publik']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      diagnostics: [{ ruleId: 'usage', message: expect.stringContaining(`(Did you mean ${meant}?)`) }],
    });
  });

  it('gets one suggestion, from commander when it has one, and none when the name fits several', async () => {
    const dir = createFixtureSite({ 'content/ekonomi/.gitkeep': '' });
    const run = await runMain(dir, ['build', '--verbos']);
    expect(run.stderr.match(/Did you mean/g)).toHaveLength(1);
    expect(suggestOption('--d', ['--drafts', '--debug'])).toBeUndefined();
    expect(suggestOption('--dr', ['--drafts'])).toBeUndefined();
    expect(suggestOption('--dest', ['--out', '--drafts'])).toBeUndefined();
  });
});

describe('an option whose value is missing before another option', () => {
  it.each([
    [['build', '--out', '--json'], '--json'],
    [['build', '--changes', '--json'], '--json'],
    [['check', '--content', '--strict'], '--strict'],
    [['new', 'Judul', '--section', '--author', 'Rani'], '--author'],
  ])('%j is a usage error, exit 2, not a folder or value named after the option', async (args, taken) => {
    const dir = createFixtureSite({ 'content/ekonomi/.gitkeep': '' });
    const run = await runMain(dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`expected a value, not the option ${taken}`);
    expect(existsSync(path.join(dir, taken))).toBe(false);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
