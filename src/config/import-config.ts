import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { hashBytes } from '../hash/hash-bytes.js';
import type { LoadedConfig } from './loaded-config.js';
import { describeLoadFailure, findSyntaxError, type LoadFailure } from './locate-load-error.js';

/**
 * Runs a `newsgen.config.{js,mjs,ts}` and takes its default export. A
 * TypeScript config goes through jiti, which strips the types in memory;
 * it is loaded only then, so JSON and YAML sites never pay for it.
 */
export async function importConfig(file: string, displayPath: string): Promise<LoadedConfig> {
  let exported: unknown;
  try {
    exported = /\.[cm]?ts$/.test(file) ? await importTypeScript(file) : await importJavaScript(file);
  } catch (error) {
    const failure = await placeLoadFailure(error, file);
    throw new NewsgenError(`Could not load config file ${displayPath}: ${failure.reason}`, {
      code: 'config-load',
      file: displayPath,
      place: failure.place,
      // A parser's message is the reason and place already: as a cause it printed the error again.
      cause: failure.parsed ? undefined : error,
      hint: 'Fix the error at the place shown: the config file runs as code, and a plugin it calls may refuse its options there.',
    });
  }
  return { file, displayPath, value: exported ?? {}, locate: () => undefined };
}

/** The reason and place of a config's load error; a syntax error Node gave no place is parsed again to find it. */
async function placeLoadFailure(error: unknown, file: string): Promise<LoadFailure> {
  const failure = describeLoadFailure(error, file);
  if (failure.place || !(error instanceof SyntaxError)) return failure;
  const place = await findSyntaxError(readFileSync(file, 'utf8'), file).catch(() => undefined);
  return { ...failure, place };
}

async function importJavaScript(file: string): Promise<unknown> {
  // Node keeps a module for the life of the process: a config edited since (watch, or a
  // second build in one process) is a new module only under a URL of its own.
  const version = hashBytes(readFileSync(file));
  const module = (await import(`${pathToFileURL(file).href}?version=${version}`)) as { default?: unknown };
  return module.default;
}

async function importTypeScript(file: string): Promise<unknown> {
  const { createJiti } = await import('jiti');
  // No module cache: `watch` reloads the config after every edit of it.
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
  const module = (await jiti.import(file)) as { default?: unknown };
  return module.default;
}
