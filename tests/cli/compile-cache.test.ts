import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/fixture-site.js';
import { createTempFolder } from '../helpers/temp-folders.js';

/** Node 22.1 and newer have the API; Node 20 does not. */
const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('the CLI and V8 compile cache', () => {
  it(
    hasCompileCache
      ? 'keeps the compiled code of its modules in the temporary folder'
      : 'runs without the compile cache on a Node that has none',
    () => {
      const tmp = createTempFolder('compile-cache');
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
      delete env['NODE_COMPILE_CACHE'];
      delete env['NODE_DISABLE_COMPILE_CACHE'];
      const result = spawnSync(process.execPath, [BIN, '--version'], { cwd: tmp, env, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      const cacheDir = path.join(tmp, 'node-compile-cache');
      if (hasCompileCache) {
        // One folder per Node version and V8 flags, holding a file per compiled module.
        const entries = readdirSync(cacheDir, { recursive: true, withFileTypes: true });
        expect(entries.filter((entry) => entry.isFile()).length).toBeGreaterThan(1);
      } else {
        expect(existsSync(cacheDir)).toBe(false);
      }
    },
  );
});
