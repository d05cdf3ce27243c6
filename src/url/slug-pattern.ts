/** A URL slug as newsgen writes them: lower-case ASCII letters and digits, single hyphens between. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether `name` is a slug already (file names, `e-commerce`): such a name is
 * its own slug. A module of its own so that code which only needs this test
 * (the config's sections) does not load the slug library, which builds its
 * patterns when it is imported.
 */
export function isSlug(name: string): boolean {
  return SLUG.test(name);
}
