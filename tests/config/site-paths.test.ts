import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { locationFreeConfig, sitePath } from '../../src/config/site-paths.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

const CLOCK = new Date('2026-12-06T08:00:00Z');
const FILE = 'newsgen.config.json';

/** The config of a site at `root` (a folder that does not exist: no templates folder is found there). */
async function configAt(root: string, value: Record<string, unknown> = {}) {
  const loaded = parseConfigText(`${JSON.stringify({ title: 'Warta', ...value })}\n`, FILE, path.join(root, FILE));
  return (await resolveConfig(root, loaded, {}, CLOCK)).config;
}

describe('site paths', () => {
  test('are paths from the site root with forward slashes, `..` for a folder outside it', async () => {
    const config = await configAt(path.resolve('/nonexistent/warta'));
    expect(sitePath(config, config.outDir)).toBe('dist');
    expect(sitePath(config, path.join(config.root, 'content', 'ekonomi'))).toBe('content/ekonomi');
    expect(sitePath(config, path.resolve('/nonexistent/elsewhere/dist'))).toBe('../elsewhere/dist');
  });

  test('make the same site in two folders one config for fingerprints, and another layout another', async () => {
    const here = await configAt(path.resolve('/nonexistent/ci/1/warta'));
    const there = await configAt(path.resolve('/nonexistent/ci/2/warta'));
    expect(here.root).not.toBe(there.root);
    expect(JSON.stringify(locationFreeConfig(here))).toBe(JSON.stringify(locationFreeConfig(there)));
    const otherOut = await configAt(path.resolve('/nonexistent/ci/1/warta'), { out: 'public' });
    expect(JSON.stringify(locationFreeConfig(otherOut))).not.toBe(JSON.stringify(locationFreeConfig(here)));
    // Nothing of either folder is left in what is fingerprinted.
    expect(JSON.stringify(locationFreeConfig(here))).not.toContain('/nonexistent/');
  });
});
