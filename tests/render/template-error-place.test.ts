import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { findPartialReferences } from '../../src/render/find-partial-references.js';
import { findTemplateErrorPlace } from '../../src/render/template-error-place.js';

function parseError(source: string): unknown {
  try {
    Handlebars.create().parse(source);
  } catch (error) {
    return error;
  }
  throw new Error('expected a parse error');
}

describe('findTemplateErrorPlace', () => {
  it('reads the line from the parser message and finds the column of the bad token', () => {
    const source = '<p>\n  {{title}} {{#each list as |x|}}{{x}}{{/each}} {{foo.[bar}}';
    expect(findTemplateErrorPlace(parseError(source), source)).toEqual({ line: 2, column: 55 });
  });

  it('finds the column when the text before the error starts on an earlier line', () => {
    const source = '<p>\n{{foo bar=}}';
    expect(findTemplateErrorPlace(parseError(source), source)).toEqual({ line: 2, column: 11 });
  });

  it('uses lineNumber and column when the error carries them', () => {
    expect(findTemplateErrorPlace({ lineNumber: 4, column: 2, message: 'x' }, '')).toEqual({ line: 4, column: 3 });
  });

  it('returns nothing for errors without a position', () => {
    expect(findTemplateErrorPlace(new Error('Missing helper: "x"'), '')).toBeUndefined();
  });
});

describe('findPartialReferences', () => {
  it('lists static partial calls with their positions and inline partial names', () => {
    const ast = Handlebars.parse(
      '{{#*inline "row"}}r{{/inline}}\n  {{> meta/og}}{{> (dynamic)}}{{> "quoted"}}{{#> block}}f{{/block}}{{> @partial-block}}',
    );
    const usage = findPartialReferences(ast);
    expect(usage.references).toEqual([
      { name: 'meta/og', place: { line: 2, column: 3 } },
      { name: 'quoted', place: { line: 2, column: 31 } },
    ]);
    expect(usage.inlineNames).toEqual(['row']);
  });
});
