import { readFileSync } from 'node:fs';
import path from 'node:path';

/** An npm package name, scoped or not. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/;

/**
 * The version of the installed package `name`, looked up the way Node finds
 * packages: `node_modules/<name>/package.json` in `from` and each folder
 * above it. Undefined when `name` is not a package name or no such package
 * is installed (a plugin written inside the site).
 */
export function findPackageVersion(name: string, from: string): string | undefined {
  if (!PACKAGE_NAME.test(name)) return undefined;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const version = readVersion(path.join(dir, 'node_modules', ...name.split('/'), 'package.json'));
    if (version !== undefined) return version;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readVersion(file: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}
