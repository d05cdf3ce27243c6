import { readFileSync } from 'node:fs';

/** newsgen's version, from its package.json (what `--version` prints). */
export const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * The version of the code itself, part of every cache key: {@link VERSION}
 * plus the id `npm run build` writes beside the bundle (a hash of it). Code
 * that changes without a new version number (any checkout of the repository)
 * then never reads results cached by other code, whose articles may lack
 * fields it needs or carry HTML it would no longer produce. Just VERSION
 * where there is no id (running from sources).
 */
export const CODE_VERSION = ((): string => {
  try {
    return `${VERSION}+${readFileSync(new URL('../bundle/build-id', import.meta.url), 'utf8').trim()}`;
  } catch {
    return VERSION;
  }
})();
