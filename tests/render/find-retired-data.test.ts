import { describe, expect, it } from 'vitest';
import { findRetiredTemplateData } from '../../src/render/find-retired-data.js';

const template = (name: string, source: string) => ({ name, file: `/site/templates/${name}.hbs`, source });
const shown = (file: string) => file.replace('/site/', '');

describe('findRetiredTemplateData', () => {
  it('warns at every place a template reads site.relativeTimeScript, through @root or a parent too', () => {
    const found = findRetiredTemplateData(
      [
        template(
          'layout',
          '<body>\n{{#if site.relativeTimeScript}}<script>{{{site.relativeTimeScript}}}</script>{{/if}}',
        ),
        template(
          'partials/foot',
          '{{#with page}}\n  {{{@root.site.relativeTimeScript}}}{{{../site.relativeTimeScript}}}{{/with}}',
        ),
      ],
      shown,
    );
    expect(found.map((warning) => [warning.file, warning.place])).toEqual([
      ['templates/layout.hbs', { line: 2, column: 7 }],
      ['templates/layout.hbs', { line: 2, column: 43 }],
      ['templates/partials/foot.hbs', { line: 2, column: 12 }],
      ['templates/partials/foot.hbs', { line: 2, column: 44 }],
    ]);
    expect(found.every((warning) => warning.severity === 'warning' && warning.ruleId === 'template-retired-data')).toBe(
      true,
    );
    expect(found[0]?.reason).toBe(
      'Unexpected site.relativeTimeScript, which newsgen no longer gives: the template prints nothing there',
    );
    expect(found[0]?.hint).toContain('{{site.assetsUrl}}relative-time.js');
  });

  it('says nothing of templates that do not read it, or read a longer name', () => {
    expect(
      findRetiredTemplateData(
        [
          template('layout', '<script src="{{site.assetsUrl}}relative-time.js" defer></script>'),
          template('partials/x', '{{site.relativeTimeScriptUrl}} {{mysite.relativeTimeScripts}}'),
        ],
        shown,
      ),
    ).toEqual([]);
  });
});
