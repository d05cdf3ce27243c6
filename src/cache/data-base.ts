import path from 'node:path';
import { readCheckedFile, writeCheckedJson } from './checked-files.js';
import { applyJsonPatch, diffJson, type JsonPatch } from './json-patch.js';

/** The caller's data as its base file holds it, parsed, with that file's checksum and length. */
export interface DataBase {
  readonly value: unknown;
  readonly checksum: string;
  readonly size: number;
}

/** What the records' tail says of the caller's data: the base file it patches (by checksum), and how. */
interface DataEntry {
  readonly base: string;
  readonly patch?: JsonPatch;
}

const DATA_FILE = 'data.json';
/** A patch may be this long whatever the data's size... */
const PATCH_MIN_CHARS = 64 * 1024;
/** ...or an eighth of the base, when that is more: past it, the base is written again. */
const BASE_CHARS_PER_PATCH_CHAR = 8;

/**
 * The caller's data from the tail's entry for it and the base file it names;
 * undefined when the base is missing, is another one (a save stopped between
 * the two) or the patch does not fit it.
 */
export function loadData(dir: string, key: string, entry: unknown): { data: unknown; base: DataBase } | undefined {
  if (typeof entry !== 'object' || entry === null || typeof (entry as DataEntry).base !== 'string') return undefined;
  const { base: checksum, patch } = entry as DataEntry;
  const file = readCheckedFile(path.join(dir, DATA_FILE), key);
  if (file?.checksum !== checksum) return undefined;
  try {
    const value = JSON.parse(file.body.toString('utf8')) as unknown;
    return { data: applyJsonPatch(value, patch), base: { value, checksum, size: file.body.length } };
  } catch {
    return undefined;
  }
}

/**
 * Where a save puts the caller's data: a patch to the base file when it is
 * short (a publish changes a few dozen of a large site's 150,000 output
 * rows), else the data written as the new base. Returns the tail's entry,
 * and the base the next save of this process patches. The base is written
 * (renamed into place) before the tail that names it.
 */
export async function placeData(
  dir: string,
  key: string,
  base: DataBase | undefined,
  data: unknown,
): Promise<{ entry: DataEntry; base: DataBase }> {
  if (base) {
    const patch = diffJson(base.value, data);
    if (patch === undefined) return { entry: { base: base.checksum }, base };
    const limit = Math.max(PATCH_MIN_CHARS, base.size / BASE_CHARS_PER_PATCH_CHAR);
    if (JSON.stringify(patch).length <= limit) return { entry: { base: base.checksum, patch }, base };
  }
  const text = JSON.stringify(data ?? null);
  const checksum = await writeCheckedJson(path.join(dir, DATA_FILE), key, text);
  return { entry: { base: checksum }, base: { value: data ?? null, checksum, size: Buffer.byteLength(text) } };
}
