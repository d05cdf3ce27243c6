import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

describe('control characters in config values (issue 25)', () => {
  it('are replaced with a space, with a warning at the key, so the site title cannot break a feed', async () => {
    const text = '{\n  "title": "Warta\\u0007 Nusantara",\n  "description": "Berita\\u000bterkini"\n}\n';
    const { config, warnings } = await resolveConfig(
      '/nonexistent/site',
      parseConfigText(text, 'newsgen.config.json', undefined),
      {},
      new Date(0),
    );
    expect([config.title, config.description]).toEqual(['Warta  Nusantara', 'Berita terkini']);
    expect(warnings.map((warning) => [warning.ruleId, warning.severity, warning.place?.line])).toEqual([
      ['control-character', 'warning', 2],
      ['control-character', 'warning', 3],
    ]);
  });
});
