import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { staysWithin } from '../boundary/stays-within.js';

/** A request path decoded and checked, before it touches the file system. */
export type ParsedRequestPath =
  | { readonly ok: true; readonly segments: readonly string[]; readonly trailingSlash: boolean }
  | { readonly ok: false; readonly status: 400 | 403 };

/** Where a request path leads inside the served folder. */
export type RequestTarget =
  | { readonly kind: 'file'; readonly file: string }
  /** A folder asked for without its trailing slash; `location` is the URL to redirect to. */
  | { readonly kind: 'folder'; readonly location: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'refused'; readonly status: 400 | 403 };

/**
 * Decodes and checks the path part of a request target, without any I/O:
 * malformed percent-encoding, NUL bytes and paths not starting with `/` are
 * 400; backslashes and `..` segments (raw or percent-encoded) are 403. The
 * path is decoded exactly once, so `%252e%252e` stays the literal text
 * `%2e%2e`. Empty and `.` segments are dropped.
 */
export function parseRequestPath(target: string): ParsedRequestPath {
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  if (decoded.includes('\\')) return { ok: false, status: 403 };
  const parts = decoded.split('/');
  if (parts.some((part) => part === '..')) return { ok: false, status: 403 };
  return {
    ok: true,
    segments: parts.filter((part) => part !== '' && part !== '.'),
    trailingSlash: decoded.endsWith('/'),
  };
}

/**
 * The one path guard of the dev server: parses the request path, maps it into
 * `root` (`/x/` → `/x/index.html`), resolves symlinks with `fs.realpath` and
 * refuses (403) anything whose real path is outside the real `root`. `root`
 * must already be a real path. Never throws.
 */
export async function resolveRequestPath(root: string, target: string): Promise<RequestTarget> {
  const parsed = parseRequestPath(target);
  if (!parsed.ok) return { kind: 'refused', status: parsed.status };
  const candidate = path.join(root, ...parsed.segments, ...(parsed.trailingSlash ? ['index.html'] : []));
  if (!isInside(candidate, root)) return { kind: 'refused', status: 403 };
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return { kind: 'missing' };
  }
  if (!isInside(real, root)) return { kind: 'refused', status: 403 };
  const info = await stat(real).catch(() => undefined);
  if (info?.isFile()) return { kind: 'file', file: real };
  if (info?.isDirectory() && !parsed.trailingSlash) {
    // Built from the checked segments, never the raw target, so `//host` cannot become an open redirect.
    // `/.` names the root itself: `//` would be a scheme-relative URL, not a path.
    const folder = parsed.segments.map((segment) => encodeURIComponent(segment)).join('/');
    return { kind: 'folder', location: folder === '' ? '/' : `/${folder}/` };
  }
  return { kind: 'missing' };
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return staysWithin(relative);
}
