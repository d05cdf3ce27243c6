import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfigText } from '../config/load-config.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import { hashBytes } from '../hash/hash-bytes.js';

/** The site's data files, ready for templates. */
export interface DataFiles {
  /** File name without extension → parsed value (`data/kontak.yaml` → `kontak`). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Digest of every file's name and bytes, for the build's settings fingerprint. */
  readonly stamp: string;
}

const DATA_FILE = /\.(json|ya?ml)$/i;

/**
 * Reads `data/*.json|yaml|yml` (an I/O edge): each becomes `data.<name>` in
 * every template. JSON is strict JSON and YAML keeps positions, so a syntax
 * error or a repeated key names the file, line and column; two files with
 * one name (`a.json`, `a.yaml`) are an error naming both. Every broken file
 * is reported in one error. A missing folder is no data.
 */
export async function readDataFiles(dataDir: string, root: string): Promise<DataFiles> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  const files = names.filter((name) => DATA_FILE.test(name)).sort();
  const data: Record<string, unknown> = {};
  const owners = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const stamp: string[] = [];
  for (const name of files) {
    const file = path.join(dataDir, name);
    const displayPath = path.relative(root, file).split(path.sep).join('/');
    const text = await readFile(file, 'utf8');
    stamp.push(`${name}\0${hashBytes(text)}`);
    const key = name.replace(DATA_FILE, '');
    const first = owners.get(key);
    if (first !== undefined) {
      diagnostics.push(duplicate(displayPath, first, key));
      continue;
    }
    owners.set(key, displayPath);
    try {
      data[key] = (await readConfigText(text, displayPath, file)).value;
    } catch (error) {
      if (!isNewsgenError(error)) throw error;
      diagnostics.push(...error.diagnostics.map(asDataDiagnostic));
    }
  }
  failOnErrors(diagnostics, 'data');
  return { data, stamp: stamp.length === 0 ? '' : hashBytes(stamp.join('\n')) };
}

function asDataDiagnostic(found: Diagnostic): Diagnostic {
  return createDiagnostic({
    file: found.file,
    place: found.place,
    reason: found.reason.replace(/^Invalid config/, 'Invalid data'),
    ruleId: 'data-syntax',
  });
}

function duplicate(file: string, first: string, key: string): Diagnostic {
  return createDiagnostic({
    file,
    reason: `Unexpected second data file for data.${key}, already read from ${first}`,
    ruleId: 'data-duplicate',
    cause: { file: first },
  });
}
