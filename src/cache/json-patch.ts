/**
 * A patch from one JSON value to another, as the build cache stores the
 * caller's data between two writes of its base (see `openBuildCache`):
 *
 * - `{ "=": value }` replaces the value;
 * - `{ "o": { key: patch }, "x": [key, …] }` patches an object's keys (a new
 *   key is replaced into place) and deletes the keys in `x`;
 * - `{ "s": [[start, deleteCount, [item, …]], …] }` splices an array, the
 *   splices in order and each `start` an index into the array before.
 *
 * Made for tables that keep their rows in place from one build to the next
 * (paths, hashes, pages by row): a publish changes a few dozen items of
 * arrays a hundred thousand long, and inserts a page or two. Elements of an
 * array are replaced whole.
 */
export type JsonPatch =
  | { readonly '=': unknown }
  | { readonly o: Readonly<Record<string, JsonPatch>>; readonly x?: readonly string[] }
  | { readonly s: readonly Splice[] };

/** `[start, deleteCount, items]` into the array before. */
type Splice = readonly [number, number, readonly unknown[]];

/**
 * The patch that turns `before` into `after` (JSON values), or undefined when
 * they are equal. Equal objects may differ in key order, and a patched object
 * keeps the keys it had in their order, new ones after them.
 */
export function diffJson(before: unknown, after: unknown): JsonPatch | undefined {
  // Arrays and objects are compared as they are diffed, in one walk: a large site's table is 50 MB of JSON.
  if (before === after) return undefined;
  if (Array.isArray(before) && Array.isArray(after)) {
    const splices = diffArray(before, after);
    return splices.length > 0 ? { s: splices } : undefined;
  }
  if (isObject(before) && isObject(after)) return diffObject(before, after);
  return sameJson(before, after) ? undefined : { '=': after };
}

/**
 * `before` with `patch` applied (a new value: `before` is left as it was,
 * and shares with the result what the patch did not touch). Throws on a
 * patch that does not fit `before`, for the cache to count as corrupt.
 */
export function applyJsonPatch(before: unknown, patch: JsonPatch | undefined): unknown {
  if (patch === undefined) return before;
  if ('=' in patch) return patch['='];
  if ('s' in patch) {
    if (!Array.isArray(before) || !Array.isArray(patch.s)) throw new TypeError('Unexpected splice of a non-array');
    return applySplices(before, patch.s);
  }
  if (!isObject(before) || !isObject(patch.o)) throw new TypeError('Unexpected key patch of a non-object');
  const after: Record<string, unknown> = { ...before };
  for (const key of patch.x ?? []) delete after[key];
  for (const key of Object.keys(patch.o))
    defineKey(after, key, applyJsonPatch(Object.hasOwn(after, key) ? after[key] : undefined, patch.o[key]));
  return after;
}

function diffObject(before: Record<string, unknown>, after: Record<string, unknown>): JsonPatch | undefined {
  const changed: Record<string, JsonPatch> = {};
  let count = 0;
  let fresh = 0;
  const keys = Object.keys(after);
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at] as string;
    // Own keys only: `constructor` or `__proto__` is a key like any other in JSON.
    const known = Object.hasOwn(before, key);
    if (!known) fresh++;
    const patch = known ? diffJson(before[key], after[key]) : { '=': after[key] };
    if (patch === undefined) continue;
    defineKey(changed, key, patch);
    count++;
  }
  // As many keys before as `after` has of them: none is gone.
  const keysBefore = Object.keys(before);
  const gone = keysBefore.length === keys.length - fresh ? [] : keysBefore.filter((key) => !Object.hasOwn(after, key));
  if (count === 0 && gone.length === 0) return undefined;
  return gone.length > 0 ? { o: changed, x: gone } : { o: changed };
}

/**
 * The smaller of two ways to splice `before` into `after`: item by item where
 * the two line up (runs of changed items, then what was appended or cut at
 * the end), or one splice between their common start and common end (an
 * item inserted or removed in the middle shifts every later one).
 */
function diffArray(before: readonly unknown[], after: readonly unknown[]): Splice[] {
  const shared = Math.min(before.length, after.length);
  const same = (index: number) => before[index] === after[index] || sameJson(before[index], after[index]);
  // Most arrays of a table are as they were (each article's pages): told in one pass.
  let start = 0;
  while (start < shared && same(start)) start++;
  if (start === shared && before.length === after.length) return [];
  const aligned: Splice[] = [];
  let alignedItems = 0;
  for (let index = start; index < shared; index++) {
    if (same(index)) continue;
    let end = index + 1;
    while (end < shared && !same(end)) end++;
    aligned.push([index, end - index, after.slice(index, end)]);
    alignedItems += end - index;
    index = end;
  }
  if (after.length > shared) aligned.push([shared, 0, after.slice(shared)]);
  if (before.length > shared) aligned.push([shared, before.length - shared, []]);
  alignedItems += after.length - shared;
  let end = 0;
  while (end < shared - start && sameJson(before[before.length - 1 - end], after[after.length - 1 - end])) end++;
  const middle = after.length - start - end;
  return middle < alignedItems || (middle === alignedItems && aligned.length > 1)
    ? [[start, before.length - start - end, after.slice(start, after.length - end)]]
    : aligned;
}

/** The array the splices make of `before`, built in one pass (never spread into a call: they can be long). */
function applySplices(before: readonly unknown[], splices: readonly Splice[]): unknown[] {
  const after: unknown[] = [];
  let at = 0;
  for (const splice of splices) {
    const [start, deleteCount, items] = splice;
    if (!Number.isInteger(start) || !Number.isInteger(deleteCount) || !Array.isArray(items))
      throw new TypeError('Unexpected splice');
    if (start < at || deleteCount < 0 || start + deleteCount > before.length)
      throw new RangeError('Unexpected splice out of order or past the end');
    for (; at < start; at++) after.push(before[at]);
    for (const item of items) after.push(item);
    at = start + deleteCount;
  }
  for (; at < before.length; at++) after.push(before[at]);
  return after;
}

/** Whether two JSON values are equal (objects key by key, in any order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const other = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(other, key) && sameJson((a as Record<string, unknown>)[key], other[key]));
}

/** Sets an own key: defined, not assigned, since a key named `__proto__` is a key like any other in JSON. */
function defineKey(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
