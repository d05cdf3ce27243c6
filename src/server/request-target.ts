/** A request's target in origin form, with the host it was sent to. */
export interface OriginTarget {
  /** The path and query (`/ekonomi/?x=1`), as a browser sends them. */
  readonly path: string;
  /** The `Host` header, or the authority of an absolute-form target, which replaces it. */
  readonly host: string | undefined;
}

/** `http://` and the authority (host and port), up to the path, query or fragment. */
const ABSOLUTE_FORM = /^([a-z][a-z\d+.-]*):\/\/([^/?#]*)(.*)$/is;

/**
 * Reads a request target: origin form (`/ekonomi/`) as it is, and absolute
 * form (`http://127.0.0.1:4000/ekonomi/`), which HTTP/1.1 servers must accept
 * (RFC 9112, 3.2.2), as its path and query, its authority taking the place of
 * the `Host` header, so the server's host check applies to it. The path is
 * split off as sent, never normalised by a URL parser, so it meets the same
 * path guard as any other (`..` and backslashes stay refused). Undefined, for
 * a 400, when the scheme is not `http` or the authority names a user.
 */
export function readRequestTarget(url: string | undefined, hostHeader: string | undefined): OriginTarget | undefined {
  const target = url ?? '/';
  const absolute = ABSOLUTE_FORM.exec(target);
  if (!absolute) return { path: target, host: hostHeader };
  const [, scheme = '', authority = '', rest = ''] = absolute;
  if (scheme.toLowerCase() !== 'http' || authority.includes('@')) return undefined;
  return { path: rest.startsWith('/') ? rest : `/${rest}`, host: authority };
}
