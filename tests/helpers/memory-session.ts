import type { ResolvedConfig } from '../../src/config/resolved-config.js';
import { createLogger, type Logger } from '../../src/logger/create-logger.js';
import { type BuildSession, createBuildSession } from '../../src/pipeline/build-session.js';

/**
 * A build session as `newsgen serve` keeps one: in memory (no cache folder),
 * on this thread, silent unless given a logger. `once`: as `newsgen build`
 * runs it, for one build.
 */
export function createMemorySession(
  config: ResolvedConfig,
  options: { readonly logger?: Logger; readonly once?: boolean } = {},
): BuildSession {
  return createBuildSession(config, {
    logger: options.logger ?? createLogger({ level: 'silent' }),
    version: 'test',
    cacheDir: undefined,
    concurrency: 0,
    ...(options.once ? { once: true } : {}),
  });
}
