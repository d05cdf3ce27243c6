import { cpSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { type InlineConfig, resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { build } from '../../src/pipeline/build.js';
import { createFixtureSite, snapshotTree } from './fixture-site.js';

/**
 * Builds the site in `dir` as `newsgen build --now <now>` would, silently and on this thread; `cache: false`
 * for a cold build; `inline` for the other flags (`{ future: true, preview: true }` as `newsgen serve` has them).
 */
export async function buildAt(dir: string, now: string, cache = true, inline: InlineConfig = {}) {
  const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), { ...inline, now }, new Date());
  return build(config, {
    logger: createLogger({ level: 'silent' }),
    concurrency: 0,
    ...(cache ? {} : { cache: false }),
  });
}

/** The output of a cold build (no cache) of a copy of the content and config in `dir`, made in a new temporary folder. */
export async function coldSnapshotAt(
  dir: string,
  now: string,
  inline: InlineConfig = {},
): Promise<Map<string, string>> {
  const cold = createFixtureSite({});
  cpSync(path.join(dir, 'content'), path.join(cold, 'content'), { recursive: true });
  cpSync(path.join(dir, 'newsgen.config.json'), path.join(cold, 'newsgen.config.json'));
  await buildAt(cold, now, false, inline);
  return snapshotTree(path.join(cold, 'dist'));
}
