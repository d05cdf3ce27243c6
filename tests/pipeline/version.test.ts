import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { VERSION } from '../../src/pipeline/version.js';
import { ROOT } from '../helpers/fixture-site.js';

test('the built code keys its cache by the version and the bundle id, so another checkout never reads its cache', async () => {
  const built = (await import(new URL('lib/pipeline/version.js', `file://${ROOT}`).href)) as { CODE_VERSION: string };
  const id = readFileSync(new URL('lib/bundle/build-id', `file://${ROOT}`), 'utf8').trim();
  expect(id).toMatch(/^[0-9a-f]{16}$/);
  expect(built.CODE_VERSION).toBe(`${VERSION}+${id}`);
});
