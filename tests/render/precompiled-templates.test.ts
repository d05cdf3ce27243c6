import Handlebars from 'handlebars';
import { describe, expect, test } from 'vitest';
import { compileTemplates } from '../../src/render/compile-templates.js';
import type { TemplateSource } from '../../src/render/read-theme-files.js';

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
