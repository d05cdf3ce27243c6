import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article } from '../helpers/fixture-site.js';
import { runMain } from './run-main.js';

describe('newsgen build with two articles of one id (issue 25)', { timeout: 30_000 }, () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails at the second file and line of the id, naming the first, and writes nothing', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-duplicate-id-'));
    fs.mkdirSync(path.join(dir, 'content', 'ekonomi'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content', 'ekonomi', 'a.md'), article({ id: 'berita-1' }));
    fs.writeFileSync(path.join(dir, 'content', 'ekonomi', 'b.md'), article({ id: 'berita-1', title: 'Lain' }));
    const run = await runMain(dir, ['build', '--no-cache', '--concurrency', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /content\/ekonomi\/b\.md:6:1 +error .*already the id of content\/ekonomi\/a\.md.*duplicate-id/,
    );
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
