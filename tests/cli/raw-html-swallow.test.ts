import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article } from '../helpers/fixture-site.js';
import { runMain } from './run-main.js';

describe('an article whose raw HTML would hide the rest of it (issue 25)', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-swallow-'));
    fs.mkdirSync(path.join(dir, 'content', 'teknologi'), { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, body: string) =>
    fs.writeFileSync(path.join(dir, 'content', 'teknologi', name), article({}, body));
  const build = () => runMain(dir, ['build', '--no-cache', '--concurrency', '0']);

  it('publishes the whole text when the element sits in a sentence, in the page and the feed', async () => {
    write('masuk.md', 'Every login page uses a <form> element.\n\nThe rest of the story.\n');
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    const page = fs.readFileSync(path.join(dir, 'dist', 'teknologi', 'masuk', 'index.html'), 'utf8');
    expect(page).toContain('uses a &#x3C;form> element.');
    expect(page).toContain('The rest of the story.');
    expect(fs.readFileSync(path.join(dir, 'dist', 'feed.xml'), 'utf8')).toContain('The rest of the story.');
  });

  it('fails the build at the file and line of a block left open, naming the element, and writes nothing', async () => {
    write('formulir.md', 'Paragraf pertama.\n\n<form action="/daftar">\n\nParagraf yang hilang.\n');
    const run = await build();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /content\/teknologi\/formulir\.md:10:1 +error +Unexpected raw HTML `<form>` left open.* markdown-html-swallow/,
    );
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('closes a <b> left open at the end of its paragraph, with a warning at its file, line and column', async () => {
    write('harga.md', 'Harga <b>naik tajam pada pagi ini.\n\nParagraf kedua tidak tebal.\n');
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /content\/teknologi\/harga\.md:8:7 +warning +Unexpected raw HTML `<b>` left open at the end of its paragraph.* markdown-html-unclosed/,
    );
    const page = fs.readFileSync(path.join(dir, 'dist', 'teknologi', 'harga', 'index.html'), 'utf8');
    expect(page).toContain('<p>Harga <b>naik tajam pada pagi ini.</b></p>\n<p>Paragraf kedua tidak tebal.</p>');
  });
});
