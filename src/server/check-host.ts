import { isIP } from 'node:net';

/** True for the host names that always mean "this machine". */
export function isLoopbackHost(host: string): boolean {
  const name = stripBrackets(host.toLowerCase());
  return name === 'localhost' || name === '::1' || (isIP(name) === 4 && name.startsWith('127.'));
}

/** True for `0.0.0.0` and `::`: listening on every interface. */
export function isWildcardHost(host: string): boolean {
  const name = stripBrackets(host);
  return name === '0.0.0.0' || name === '::';
}

/**
 * Decides whether a request's `Host` header may be answered, against DNS
 * rebinding (a foreign page whose domain was re-pointed at 127.0.0.1): the
 * name must be the host the server is bound to, `localhost` or a loopback
 * address, and a port, when given, must be the server's. A server bound to
 * every interface also accepts IP literals (a phone on the LAN), which a
 * rebinding page cannot send.
 */
export function checkHost(header: string | undefined, boundHost: string, port: number): boolean {
  if (header === undefined || header === '') return false;
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/.exec(header.trim());
  if (!match) return false;
  const name = stripBrackets((match[1] ?? '').toLowerCase());
  if (match[2] !== undefined && Number(match[2]) !== port) return false;
  if (name === stripBrackets(boundHost.toLowerCase()) || isLoopbackHost(name)) return true;
  return isWildcardHost(boundHost) && isIP(name) !== 0;
}

/**
 * True when an `Origin` header is absent or names the very origin the request
 * was sent to (`http://` + its checked `Host`): the live-reload stream is for
 * the server's own pages only.
 */
export function checkOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  return host !== undefined && origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
