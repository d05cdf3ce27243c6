/** A `baseUrl` as builds take it: the URL the site is published at, or why they refuse it. */
export type BaseUrlCheck =
  | {
      readonly ok: true;
      /** Without query and fragment, its path ending in `/`. */
      readonly url: URL;
      /** The query or fragment builds leave out (`?utm=x`, `#top`), or undefined. */
      readonly dropped: string | undefined;
    }
  | {
      readonly ok: false;
      /** Why, as it reads after the value: `Unexpected baseUrl "…" <problem>`. */
      readonly problem: string;
    };

/**
 * The rules of `baseUrl` and `--base-url`, shared by the config loader and
 * `newsgen init`, which must never write a config builds would refuse or
 * change: an absolute http(s) URL, without a user name or password and
 * without an empty path segment. A query or fragment is accepted and left
 * out of the site's URLs (`dropped` says which); its path always ends in `/`.
 */
export function checkBaseUrl(value: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: ', expected an absolute http(s) URL such as https://example.org/' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, problem: `with the protocol "${url.protocol}", expected http: or https:` };
  // Published in every page and feed: a password would be too, and an empty segment (`//`) turns the
  // site's root-relative links into links to another host (`//evil.example/`).
  if (url.username || url.password)
    return { ok: false, problem: 'with a user name or password, which every page and feed would publish' };
  if (url.pathname.includes('//'))
    return { ok: false, problem: 'with an empty path segment (//), which makes links point at another host' };
  // From the first `?` or `#`, which neither a host nor a path holds unencoded; an empty one (`/?`) too.
  const dropped = /[?#].*$/s.exec(value)?.[0];
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, url, dropped };
}
