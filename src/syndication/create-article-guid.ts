import { createHash } from 'node:crypto';

/** RFC 4122 URL namespace, used for name-based (version 5) UUIDs of site addresses. */
const URL_NAMESPACE = '6ba7b8119dad11d180b400c04fd430c8';

/**
 * The feed identifier of an article (RSS `guid`, Atom `id`, JSON Feed `id`):
 * `urn:uuid:` with a name-based (version 5) UUID of the site's base URL and the
 * article's stable `id`. It is derived from the id, not the article URL, so a
 * new slug, title, section, date or permalink pattern never changes it and feed
 * readers never show an updated article twice; it changes only when the `id`
 * (the source path, or the `id` front matter field) or the site's address does.
 * Including the base URL keeps ids of two newsgen sites from ever colliding.
 */
export function createArticleGuid(baseUrl: string, articleId: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(URL_NAMESPACE, 'hex'))
    .update(`${baseUrl}#article/${articleId}`, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
