import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import {
  BUILTIN_TEMPLATES_FILE,
  type BuiltinTemplates,
  readBuiltinTemplates,
  templatesKey,
} from '../../src/render/builtin-templates.js';
import { compileTemplates } from '../../src/render/compile-templates.js';
import { readThemeFiles, type TemplateSource } from '../../src/render/read-theme-files.js';
import { ROOT } from '../helpers/fixture-site.js';

const SOURCES: TemplateSource[] = [
  {
    name: 'page',
    file: 'templates/page.hbs',
    source: '<main>{{> card title=headline}}{{#each tags}}<a>{{this}}</a>{{/each}}</main>',
  },
  { name: 'partials/card', file: 'templates/partials/card.hbs', source: '<h2>{{title}}</h2>' },
];
const VIEW = { headline: 'Harga <cabai> naik', tags: ['ekonomi', 'pasar'] };

describe('compileTemplates with precompiled code', () => {
  test('renders the same HTML from the code an earlier compile generated', () => {
    const first = compileTemplates(Handlebars.create(), SOURCES);
    expect(Object.keys(first.precompiled).sort()).toEqual(['page', 'partials/card']);
    const again = compileTemplates(
      Handlebars.create(),
      SOURCES,
      JSON.parse(JSON.stringify(first.precompiled)) as Record<string, string>,
    );
    const html = first.templates.get('page')?.render(VIEW);
    expect(html).toBe('<main><h2>Harga &lt;cabai&gt; naik</h2><a>ekonomi</a><a>pasar</a></main>');
    expect(again.templates.get('page')?.render(VIEW)).toBe(html);
    expect(again.precompiled).toEqual(first.precompiled);
  });

  test('parses and checks every template again when the code for one of them is missing', () => {
    const { precompiled } = compileTemplates(Handlebars.create(), SOURCES);
    const broken = [...SOURCES, { name: 'list', file: 'templates/list.hbs', source: '{{#each items}}' }];
    expect(() => compileTemplates(Handlebars.create(), broken, precompiled)).toThrow(/templates\/list\.hbs/);
  });
});

describe("the built-in theme's templates compiled by the package build", () => {
  const bundled = path.join(ROOT, 'lib', 'bundle', BUILTIN_TEMPLATES_FILE);

  test('are those of templates/ as they are now, every template compiled as a build would', async () => {
    const files = await readThemeFiles(THEME_DIR, undefined);
    const stored = JSON.parse(gunzipSync(readFileSync(bundled)).toString('utf8')) as BuiltinTemplates;
    expect(stored.key).toBe(templatesKey(files.templates));
    expect(stored.precompiled).toEqual(compileTemplates(Handlebars.create(), files.templates).precompiled);
  });

  test('are read by the built code for their own key only', async () => {
    // The built module (lib/render/) finds the file beside the bundle, as the CLI does.
    const built = (await import(
      pathToFileURL(path.join(ROOT, 'lib', 'render', 'builtin-templates.js')).href
    )) as typeof import('../../src/render/builtin-templates.js');
    const { key, precompiled } = JSON.parse(gunzipSync(readFileSync(bundled)).toString('utf8')) as BuiltinTemplates;
    expect(await built.readBuiltinTemplates(key)).toEqual(precompiled);
    expect(await built.readBuiltinTemplates(`${key}0`)).toBeUndefined();
    // From the sources (src/render/), there is no bundle beside them: every template is compiled.
    expect(await readBuiltinTemplates(key)).toBeUndefined();
  });
});
