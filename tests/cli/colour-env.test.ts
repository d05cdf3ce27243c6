import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';

const ESC = '\u001b[';
const CONFIG = 'title: Warta Uji\nbaseUrl: https://uji.example/\nlocale: id-ID\ntimeZone: Asia/Jakarta\n';

/** Runs the CLI with `env` and stderr that is, or is not, a terminal; returns what stderr got. */
async function stderrOf(args: readonly string[], env: NodeJS.ProcessEnv, isTTY: boolean): Promise<string> {
  const dir = createFixtureSite({
    'newsgen.config.yaml': CONFIG,
    // An unknown key: a warning that build and check both print.
    'content/ekonomi/a.md': article({ summary: 'Ringkasan.', judul: 'x' }),
  });
  const stderr = Object.assign(new PassThrough(), { isTTY });
  const chunks: string[] = [];
  stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  await main(['node', 'newsgen', ...args, '--no-cache', '--now', '2026-11-20T12:00:00+07:00'], {
    cwd: dir,
    stdout: new PassThrough(),
    stderr,
    env,
    now: () => new Date('2026-11-20T05:00:00Z'),
  });
  return chunks.join('');
}

describe('colours on stderr', { timeout: 30_000 }, () => {
  it.each(['build', 'check'])(
    '%s colours its warnings on a terminal, and not in CI or with NO_COLOR',
    async (command) => {
      expect(await stderrOf([command], {}, true)).toContain(`${ESC}33mwarning`);
      expect(await stderrOf([command], { CI: 'true' }, true)).not.toContain(ESC);
      expect(await stderrOf([command], { NO_COLOR: '1' }, true)).not.toContain(ESC);
      expect(await stderrOf([command], {}, false)).not.toContain(ESC);
    },
  );

  it('takes an empty NO_COLOR as unset, as no-color.org defines it', async () => {
    expect(await stderrOf(['check'], { NO_COLOR: '' }, true)).toContain(ESC);
  });

  it('follows FORCE_COLOR, for CI logs that show colours, and FORCE_COLOR=0 even on a terminal', async () => {
    expect(await stderrOf(['check'], { CI: 'true', FORCE_COLOR: '1' }, false)).toContain(`${ESC}33mwarning`);
    expect(await stderrOf(['check'], { FORCE_COLOR: '0' }, true)).not.toContain(ESC);
    expect(await stderrOf(['check'], { FORCE_COLOR: 'false' }, true)).not.toContain(ESC);
  });
});
