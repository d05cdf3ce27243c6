import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import { NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { createRenderer, type Renderer } from '../../src/render/create-renderer.js';
import { createTempFolder } from '../helpers/temp-folders.js';
import { makeNotFoundPage } from './fixtures.js';
import { createSampleRenderer } from './render-samples.js';

/** A site templates folder holding the given files. */
async function makeTemplatesDir(files: Record<string, string>): Promise<string> {
  const dir = createTempFolder('render-errors');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

async function captureError(promise: Promise<unknown>): Promise<NewsgenError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NewsgenError);
  return error as NewsgenError;
}

/** The error rendering the sample 404 page throws. */
function renderError(renderer: Renderer): NewsgenError {
  try {
    renderer.render(makeNotFoundPage());
  } catch (error) {
    expect(error).toBeInstanceOf(NewsgenError);
    return error as NewsgenError;
  }
  throw new Error('the page rendered');
}

describe('template errors', () => {
  it('reports a syntax error with the file, line and column before rendering anything', async () => {
    const dir = await makeTemplatesDir({
      'list.hbs': '<h1>{{heading}}</h1>\n<ul>\n  <li>{{t "tag" count=}}</li>\n</ul>\n',
    });
    const error = await captureError(createSampleRenderer(dir));
    expect(error.code).toBe('template-syntax');
    expect(error.exitCode).toBe(1);
    expect(error.file).toBe(join(dir, 'list.hbs'));
    expect(error.place).toEqual({ line: 3, column: 23 });
    expect(error.message).toContain('list.hbs:3:23');
    expect(error.hint).toBeTruthy();
  });

  it('reports a mismatched block with the position Handlebars gives', async () => {
    const dir = await makeTemplatesDir({ 'partials/pagination.hbs': 'x\n{{#if total}}\n{{/each}}' });
    const error = await captureError(createSampleRenderer(dir));
    expect(error.code).toBe('template-syntax');
    expect(error.file).toBe(join(dir, 'partials/pagination.hbs'));
    expect(error.place?.line).toBe(2);
    expect(error.message).toContain("if doesn't match each");
  });

  it('reports a call to a partial that does not exist, naming the template, line and partial', async () => {
    const dir = await makeTemplatesDir({ 'terms.hbs': '<h1>{{heading}}</h1>\n\n  {{> nope}}\n' });
    const error = await captureError(createSampleRenderer(dir));
    expect(error.code).toBe('template-missing-partial');
    expect(error.file).toBe(join(dir, 'terms.hbs'));
    expect(error.place).toEqual({ line: 3, column: 3 });
    expect(error.message).toContain('"nope"');
  });

  it('accepts inline partials, partial blocks with a fallback and dynamic partial names', async () => {
    const dir = await makeTemplatesDir({
      'not-found.hbs': [
        '{{#*inline "local"}}<p>lokal</p>{{/inline}}',
        '<h1>404</h1>{{> local}}',
        '{{#> maybe-missing}}<p>cadangan</p>{{/maybe-missing}}',
        // A dynamic name is only known while rendering; this page never takes the branch.
        '{{#if page.neverSet}}{{> (concat-less-name) }}{{/if}}',
      ].join('\n'),
    });
    const html = (await createSampleRenderer(dir)).render(makeNotFoundPage());
    expect(html).toContain('<h1>404</h1><p>lokal</p>');
    expect(html).toContain('<p>cadangan</p>');
  });

  it('wraps an error thrown while rendering with the template that failed', async () => {
    const dir = await makeTemplatesDir({ 'not-found.hbs': '<h1>{{no-such-helper site.title}}</h1>' });
    const renderer = await createSampleRenderer(dir);
    let caught: unknown;
    try {
      renderer.render(makeNotFoundPage());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NewsgenError);
    const error = caught as NewsgenError;
    expect(error.code).toBe('template-render');
    expect(error.file).toBe(join(dir, 'not-found.hbs'));
    expect(error.message).toContain('no-such-helper');
  });

  it('blames an unknown helper in a partial, the site’s or a plugin’s, on that partial at its line, not on layout.hbs', async () => {
    const footer = await readFile(join(THEME_DIR, 'partials/site-footer.hbs'), 'utf8');
    const dir = await makeTemplatesDir({ 'partials/site-footer.hbs': `${footer}\n  {{tanpa-helper "x"}}\n` });
    const siteError = renderError(await createSampleRenderer(dir));
    expect(siteError).toMatchObject({ code: 'template-render', file: join(dir, 'partials/site-footer.hbs') });
    expect(siteError.place).toEqual({ line: footer.split('\n').length + 1, column: 3 });
    expect(siteError.message).toContain('Missing helper: "tanpa-helper"');
    // The site's partial calls the plugin's: the innermost one is where the helper is missing.
    const calling = await makeTemplatesDir({ 'partials/site-footer.hbs': `{{> kartu}}\n${footer}` });
    const partials = [{ plugin: 'kartu', dir: undefined, templates: { kartu: '<p>\n{{tanpa-helper "x"}}</p>' } }];
    const renderer = await createRenderer({ themeDir: THEME_DIR, templatesDir: calling, strings: {}, partials });
    expect(renderError(renderer)).toMatchObject({
      file: 'plugin "kartu": partials/kartu.hbs',
      place: { line: 2, column: 1 },
    });
  });

  it('fails clearly when the theme folder does not exist', async () => {
    const error = await captureError(
      createRenderer({
        themeDir: join(createTempFolder('no-theme'), 'missing'),
        templatesDir: undefined,
        strings: {},
      }),
    );
    expect(error.code).toBe('template-folder');
  });

  it('fails clearly when the theme lacks a page template', async () => {
    const themeDir = await makeTemplatesDir({ 'layout.hbs': '{{{content}}}', 'article.hbs': '' });
    const error = await captureError(createRenderer({ themeDir, templatesDir: undefined, strings: {} }));
    expect(error.code).toBe('template-missing');
    expect(error.message).toContain('home.hbs');
  });
});
