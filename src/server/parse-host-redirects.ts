/** A redirect rule of a `_redirects` file (the Netlify and Cloudflare Pages format), as the preview answers it. */
export interface HostRedirect {
  /** The old path's segments, decoded: `:name` matches one segment, a last `*` everything below. */
  readonly from: readonly string[];
  /** Query parameters the request must have: a value, or `:name` for any value (Netlify only). */
  readonly query: readonly (readonly [name: string, value: string])[];
  /** The target as written: a path or an http(s) URL, with `:splat` and `:name` to fill in. */
  readonly to: string;
  readonly status: 301 | 302 | 303 | 307 | 308;
}

const STATUS = /^(30[12378])!?$/;

/**
 * The redirect rules of a `_redirects` file, in its order (the first match
 * wins): `from [name=value …] to [status][!]`, the status 301 when left
 * out. Lines the preview cannot answer as a host would are left out:
 * rewrites and other statuses (`200`, `404`), conditions after the status
 * (`Country=`, `Role=`), domain rules, and paths that do not decode.
 */
export function parseHostRedirects(text: string): HostRedirect[] {
  const rules: HostRedirect[] = [];
  for (const line of text.split(/\r?\n/)) {
    const rule = parseLine(line.trim());
    if (rule) rules.push(rule);
  }
  return rules;
}

function parseLine(line: string): HostRedirect | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  const [from = '', ...rest] = line.split(/\s+/);
  const toIndex = rest.findIndex((token) => token.startsWith('/') || /^https?:\/\//i.test(token));
  if (!from.startsWith('/') || toIndex === -1) return undefined;
  const query = rest.slice(0, toIndex).map((token) => token.split('='));
  const [to = '', status = '301', ...conditions] = rest.slice(toIndex);
  const code = STATUS.exec(status)?.[1];
  if (code === undefined || conditions.length > 0 || query.some((pair) => pair.length !== 2 || pair[0] === ''))
    return undefined;
  const segments = decodeSegments(from);
  if (segments === undefined) return undefined;
  return {
    from: segments,
    query: query.map(([name = '', value = '']) => [name, value] as const),
    to,
    status: Number(code) as HostRedirect['status'],
  };
}

/** A rule's path as segments, decoded once as request paths are; undefined when it does not decode. */
function decodeSegments(path: string): string[] | undefined {
  try {
    return decodeURIComponent(path)
      .split('/')
      .filter((segment) => segment !== '' && segment !== '.');
  } catch {
    return undefined;
  }
}
