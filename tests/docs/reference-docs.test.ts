import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInStrings } from '../../src/i18n/strings.js';
import { ROOT } from '../helpers/fixture-site.js';
import { readFileComment, readTypeDeclarations } from './read-type-declarations.js';
import { renderTemplateDataReference, renderUiStrings } from './render-reference-docs.js';

/**
 * The reference pages in docs/ are generated from the code. This test fails
 * when they drift; `npm run docs` (UPDATE=1) writes them again.
 */
function expectDocument(file: string, generated: string): void {
  const target = path.join(ROOT, file);
  if (process.env['UPDATE']) writeFileSync(target, generated);
  const committed = readFileSync(target, 'utf8');
  expect(committed, `${file} is out of date: run npm run docs`).toBe(generated);
}

describe('the generated reference docs', () => {
  it('list every variable each template receives, as src/view/view-model.ts declares it', () => {
    // The site-wide part and a live blog's part live beside it (site-view-model.ts, re-exported by view-model.ts; live-blog-model.ts).
    const source = ['view-model.ts', 'site-view-model.ts', 'live-blog-model.ts']
      .map((file) => readFileSync(path.join(ROOT, 'src/view', file), 'utf8'))
      .join('\n');
    const declarations = readTypeDeclarations(source);
    const document = renderTemplateDataReference(declarations, readFileComment(source));
    for (const declaration of declarations) expect(document).toContain(`### ${declaration.name}\n`);
    expectDocument('docs/template-data.md', document);
  });

  it('list every UI string key with its English and Indonesian text, as src/i18n/strings.ts holds them', () => {
    const document = renderUiStrings(builtInStrings);
    for (const key of Object.keys(builtInStrings['en'] ?? {})) expect(document).toContain(`| \`${key}\` |`);
    expectDocument('docs/ui-strings.md', document);
  });
});
