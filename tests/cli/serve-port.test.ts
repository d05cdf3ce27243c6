import { describe, expect, it } from 'vitest';
import { parsePort } from '../../src/cli/serve-command.js';
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
});
