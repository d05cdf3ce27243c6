/**
 * A stable text for any value, for fingerprints of plugins and their
 * options: object keys sorted, functions by their source text (so editing a
 * plugin's code, or options that hold functions, changes the text), class
 * instances by their constructor's name and own fields, and a value that
 * contains itself marked instead of followed. Equal texts mean values a
 * plugin cannot tell apart, as far as a build is concerned.
 */
export function describeValue(value: unknown): string {
  const path = new Set<object>();
  const walk = (item: unknown): string => {
    if (item === null) return 'null';
    switch (typeof item) {
      case 'undefined':
        return 'undefined';
      case 'string':
        return JSON.stringify(item);
      case 'number':
      case 'boolean':
      case 'bigint':
        return `${typeof item}:${String(item)}`;
      case 'symbol':
        return item.toString();
      case 'function':
        if (path.has(item)) return '[circular]';
        return `function:${Function.prototype.toString.call(item)}${describeFields(item, walk, path)}`;
      default:
        return describeObject(item, walk, path);
    }
  };
  return walk(value);
}

type Walk = (item: unknown) => string;

function describeObject(item: object, walk: Walk, path: Set<object>): string {
  if (item instanceof RegExp) return `regexp:${String(item)}`;
  if (item instanceof Date) return `date:${Number.isNaN(item.getTime()) ? 'invalid' : item.toISOString()}`;
  if (item instanceof URL) return `url:${item.href}`;
  if (path.has(item)) return '[circular]';
  path.add(item);
  try {
    if (Array.isArray(item)) return `[${item.map(walk).join(',')}]`;
    if (item instanceof Map) return `Map{${[...item].map(([key, entry]) => `${walk(key)}=>${walk(entry)}`).join(',')}}`;
    if (item instanceof Set) return `Set{${[...item].map(walk).join(',')}}`;
    const prototype: unknown = Object.getPrototypeOf(item);
    const kind = prototype === Object.prototype || prototype === null ? '' : constructorName(prototype);
    return `${kind}${describeFields(item, walk, path)}`;
  } finally {
    path.delete(item);
  }
}

/** Own enumerable fields, sorted by key: `{a:…,b:…}` (empty for a function without fields). */
function describeFields(item: object, walk: Walk, path: Set<object>): string {
  const keys = Object.keys(item).sort();
  if (typeof item === 'function' && keys.length === 0) return '';
  path.add(item);
  try {
    return `{${keys.map((key) => `${JSON.stringify(key)}:${walk((item as Record<string, unknown>)[key])}`).join(',')}}`;
  } finally {
    if (typeof item === 'function') path.delete(item);
  }
}

function constructorName(prototype: unknown): string {
  const maker = (prototype as { constructor?: unknown }).constructor;
  return typeof maker === 'function' ? maker.name : 'object';
}
