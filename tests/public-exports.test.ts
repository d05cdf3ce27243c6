import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('the public API (src/index.ts, the package entry)', () => {
  it('exports exactly these names, so a change to them is a deliberate one', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CONFIG_FILE_NAMES',
      'NewsgenError',
      'build',
      'defineConfig',
      'isNewsgenError',
      'loadConfig',
      'resolveConfig',
    ]);
  });
});
