// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const UNSAFE_DECODED = /[/\\?#\u0000-\u001f\u007f]/;

/**
 * A site path with its %-escapes decoded once, segment by segment
 * (`/a%20b/` is `/a b/`), as a host decodes the address it is asked for.
 * Undefined when an escape does not decode, or decodes to a character a
 * path segment cannot hold here (`/`, `\`, `?`, `#`, a control character)
 * or to a `.` or `..` segment. A path without `%` is returned as it is.
 */
export function decodeSitePath(path: string): string | undefined {
  if (!path.includes('%')) return path;
  try {
    const segments = path.split('/').map((segment) => decodeURIComponent(segment));
    const bad = segments.some((segment) => UNSAFE_DECODED.test(segment) || segment === '.' || segment === '..');
    return bad ? undefined : segments.join('/');
  } catch {
    return undefined;
  }
}
