import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { createDiagnostic, type Place } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';

/** File names looked for in the working directory, in this order. */
export const CONFIG_FILE_NAMES = [
  'newsgen.config.json',
  'newsgen.config.yaml',
  'newsgen.config.yml',
  'newsgen.config.js',
  'newsgen.config.mjs',
] as const;

/** A config file's raw value and where each key sits in it. */
export interface LoadedConfig {
  readonly file: string | undefined;
  /** Path for messages, relative to the working directory. */
  readonly displayPath: string;
  readonly value: unknown;
  locate(keyPath: readonly (string | number)[]): Place | undefined;
}

/**
 * Finds and reads the config file (an edge: file system and `import()`).
 * JSON and YAML are parsed with the YAML parser so every key has a line;
 * JavaScript configs are imported and their default export used.
 */
export async function loadConfig(root: string, explicit: string | undefined): Promise<LoadedConfig> {
  const file = explicit
    ? path.resolve(root, explicit)
    : CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
  if (!file) return { file: undefined, displayPath: '(defaults)', value: {}, locate: () => undefined };
  const displayPath = path.relative(root, file) || file;
  if (!existsSync(file)) {
    throw new NewsgenError(`Config file not found: ${displayPath}`, {
      code: 'config-missing',
      file: displayPath,
      exitCode: 2,
      hint: 'Check the path given to --config.',
    });
  }
  if (/\.(c|m)?js$/.test(file)) return importConfig(file, displayPath);
  return parseConfigText(await readFile(file, 'utf8'), displayPath, file);
}

/** Parses JSON or YAML config text with positions; syntax errors are positioned NewsgenErrors. */
export function parseConfigText(text: string, displayPath: string, file: string | undefined): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const toPlace = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((error) =>
      createDiagnostic({
        file: displayPath,
        place: toPlace(error.pos[0]),
        reason: `Invalid config syntax: ${error.message.split('\n')[0] ?? ''}`,
        ruleId: 'config-syntax',
      }),
    );
    throw new NewsgenError(`Invalid config file ${displayPath}`, {
      code: 'config-syntax',
      file: displayPath,
      place: diagnostics[0]?.place,
      diagnostics,
    });
  }
  return {
    file,
    displayPath,
    value: doc.toJS() ?? {},
    locate: (keyPath) => {
      const node = doc.getIn(keyPath, true) as { range?: readonly number[] } | undefined;
      return node?.range?.[0] === undefined ? undefined : toPlace(node.range[0]);
    },
  };
}

async function importConfig(file: string, displayPath: string): Promise<LoadedConfig> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new NewsgenError(
      `Could not load config file ${displayPath}: ${error instanceof Error ? error.message : String(error)}`,
      {
        code: 'config-load',
        file: displayPath,
        cause: error,
        hint: 'Fix the JavaScript error, or use newsgen.config.json.',
      },
    );
  }
  return { file, displayPath, value: module.default ?? {}, locate: () => undefined };
}
