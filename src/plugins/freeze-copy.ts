/** A deep, frozen copy: what hooks are given, so nothing they do reaches the build. */
export function freezeCopy<T>(value: T): T {
  return freezeDeep(structuredClone(value));
}

/** Freezes a value and everything inside it, in place. */
export function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}
