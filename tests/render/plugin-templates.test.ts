import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import { readThemeFiles } from '../../src/render/read-theme-files.js';
import { registerPluginHelpers } from '../../src/render/register-plugin-helpers.js';
import { findTemplateErrorPlace } from '../../src/render/template-error-place.js';
import { createTempFolder } from '../helpers/temp-folders.js';

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

describe('plugins’ templates', () => {
  it('lay plugins’ partials over the theme in order, and the site’s templates over them', async () => {
    const pluginDir = createTempFolder('plugin-partials');
    write(pluginDir, 'byline.hbs', 'folder byline');
    write(pluginDir, 'meta/share.hbs', 'folder share');
    write(pluginDir, 'notes.txt', 'not a template');
    const siteDir = createTempFolder('site-templates');
    write(siteDir, 'partials/byline.hbs', 'site byline');
    const files = await readThemeFiles(THEME_DIR, siteDir, undefined, [
      { plugin: 'a', dir: pluginDir, templates: { 'waktu-baca': 'from a' } },
      { plugin: 'b', dir: undefined, templates: { 'waktu-baca': 'from b', 'meta/share': 'from b' } },
    ]);
    const source = (name: string) => files.templates.find((template) => template.name === name);
    expect(source('partials/byline')).toMatchObject({
      source: 'site byline',
      file: path.join(siteDir, 'partials/byline.hbs'),
    });
    expect(source('partials/waktu-baca')).toMatchObject({
      source: 'from b',
      file: 'plugin "b": partials/waktu-baca.hbs',
    });
    expect(source('partials/meta/share')?.source).toBe('from b');
    expect(files.templates.some((template) => template.name.includes('notes'))).toBe(false);
    expect(files.templates.map((template) => template.name)).toEqual(
      files.templates.map((template) => template.name).sort(),
    );
  });

  it('name the plugin whose partials folder is missing', async () => {
    const missing = path.join(createTempFolder('plugin-partials'), 'tidak-ada');
    const read = readThemeFiles(THEME_DIR, undefined, undefined, [{ plugin: 'kartu', dir: missing, templates: {} }]);
    await expect(read).rejects.toMatchObject({
      code: 'template-folder',
      file: missing,
      message: `Cannot read the partials folder ${missing} of plugin "kartu"`,
      hint: expect.stringContaining('`partials` of plugin "kartu"'),
    });
  });

  it('register plugins’ helpers, refuse names newsgen or another plugin uses, and name the plugin of a failing helper', () => {
    const hbs = Handlebars.create();
    registerPluginHelpers(hbs, [
      { name: 'teriak', plugin: 'a', helper: (text: string) => text.toUpperCase() },
      {
        name: 'rusak',
        plugin: 'b',
        helper: () => {
          throw new Error('tidak bisa');
        },
      },
    ]);
    expect(hbs.compile('{{teriak "halo"}}')({})).toBe('HALO');
    expect(() => hbs.compile('{{rusak}}')({})).toThrow('helper "rusak" of plugin "b" failed: tidak bisa');
    // At the place that called it, as a template's render error shows it.
    const thrown = (() => {
      try {
        hbs.compile('<p>\n  {{rusak 1}}</p>')({});
      } catch (error) {
        return error;
      }
    })();
    expect(findTemplateErrorPlace(thrown, '')).toEqual({ line: 2, column: 3 });
    expect(() => registerPluginHelpers(Handlebars.create(), [{ name: 't', plugin: 'a', helper: () => '' }])).toThrow(
      'Plugin "a" gives the helper "t", which newsgen gives already',
    );
    const twice = [
      { name: 'x', plugin: 'a', helper: () => '' },
      { name: 'x', plugin: 'b', helper: () => '' },
    ];
    expect(() => registerPluginHelpers(Handlebars.create(), twice)).toThrow(
      'Plugin "b" gives the helper "x", which plugin "a" gives already',
    );
  });
});
