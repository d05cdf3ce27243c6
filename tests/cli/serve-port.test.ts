import { describe, expect, it } from 'vitest';
import { parsePort } from '../../src/cli/serve-command.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from './run-main.js';

describe('newsgen serve --port (issue 25)', () => {
  it('takes decimal port numbers from 0 to 65535', () => {
    expect(['0', '80', '4000', '65535'].map(parsePort)).toEqual([0, 80, 4000, 65535]);
  });

  it.each([[''], ['0x10'], ['1e3'], [' 80'], ['80.0'], ['-1'], ['65536'], ['+80']])(
    'refuses %j with a usage error before anything starts',
    async (value) => {
      expect(() => parsePort(value)).toThrow(/expected a port number/);
      const run = await runMain(process.cwd(), ['serve', '--port', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('expected a port number from 0 to 65535');
    },
  );

  // Found by a review: the refusal came from the first build, after the server was listening on the folder.
  it.each([['serve', '--port', '0'], ['watch']])(
    '%s refuses an output folder a build refuses, with exit 2, before serving or watching anything',
    async (...command) => {
      const site = createFixtureSite({
        'newsgen.config.json': JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://uji.example/' }),
        'content/ekonomi/harga.md': article(),
      });
      const run = await runMain(site, [...command, '--out', '.']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Refusing to use ".*" as the output folder: it is the working directory/);
      expect(run.stderr).not.toContain('Serving');
      expect(run.stderr).not.toContain('Watching');
    },
    20_000,
  );
});
