import { hashBytes } from '../hash/hash-bytes.js';
import type { ImageCatalog } from './image-catalog.js';
import type { ImageOwner } from './prepare-images.js';

/**
 * A build's images as pages and feeds show them: the catalog views read, and
 * the identity of every owner's images, which page and feed fingerprints
 * read so that a changed photo renders again exactly the pages showing it.
 */
export interface SiteImages {
  readonly catalog: ImageCatalog;
  /** Identity (see `ImageCatalog.identity`) of an owner's lead image or avatar, by owner id; '' for none. */
  lead(id: string): string;
  /** Identities of the images in an article's body, by owner id; '' for none. */
  body(id: string): string;
  /** A digest of every identity and of which articles are featured: changes whenever any picture of the site does. */
  readonly digest: string;
  /** A digest of the identities of images no article owns (avatars, the logo), which pages of any article may show. */
  readonly shared: string;
}

/** The owner id of the publisher's logo (see the `publisher.logo` config key). */
export const PUBLISHER_LOGO_ID = 'publisher:logo';

/** The owner id of an author profile's avatar (articles are known by their source path). */
export function avatarOwnerId(slug: string): string {
  return `author:${slug}`;
}

/** What identifying a site's images reads besides the catalog and the owners. */
export interface IdentifyOptions {
  /** False with the pipeline off: images are linked as written. @default true */
  readonly pictures?: boolean;
  /**
   * The size measured of a static image (`findImageSize`), which a page
   * prints for an image it links as written (with the pipeline off): part of
   * that image's identity, so a page shows a new size exactly when its
   * fingerprint changes. @default none known
   */
  readonly sizeOf?: ((src: string) => { readonly width: number; readonly height: number } | undefined) | undefined;
  /** With the pipeline off, the articles whose lead images' sizes to identify (they are no owners then). */
  readonly articles?: readonly { readonly sourcePath: string; readonly image?: { readonly src: string } | undefined }[];
}

/**
 * Looks up every owner's images in the catalog once, for fingerprints read
 * many times. With the pipeline off (`pictures: false`) an article's images
 * are linked as written: what a page shows of them is its own file's text,
 * which its fingerprint already holds, and the size measured of its lead
 * image in the static folder, which is its identity (`articles`); avatars
 * and the logo are still identified for `shared`.
 */
export function identifySiteImages(
  catalog: ImageCatalog,
  owners: readonly ImageOwner[],
  { pictures = true, sizeOf, articles = [] }: IdentifyOptions = {},
): SiteImages {
  const leads = new Map<string, string>();
  const bodies = new Map<string, string>();
  const lines: string[] = [];
  const shared: string[] = [];
  // Linked as written, an image's markup takes its measured size (a picture's identity already holds it).
  const sized = (src: string) => {
    const size = pictures ? undefined : sizeOf?.(src);
    return size ? ` ${size.width}x${size.height}` : '';
  };
  for (const article of pictures ? [] : articles) {
    const size = article.image ? sized(article.image.src) : '';
    if (!size) continue;
    leads.set(article.sourcePath, size);
    lines.push(JSON.stringify([article.sourcePath, size]));
  }
  for (const owner of owners) {
    if (!pictures && owner.id === undefined) continue;
    const id = owner.id ?? owner.sourcePath;
    const lead = owner.lead ? `${catalog.identity(owner.lead)}${sized(owner.lead.src)}` : '';
    const body = owner.body.length === 0 ? '' : identifyBody(catalog, owner);
    if (lead) leads.set(id, lead);
    if (body) bodies.set(id, body);
    if (lead || body) lines.push(JSON.stringify([id, lead, body, owner.featured === true]));
    if (owner.id !== undefined && lead) shared.push(`${id} ${lead}`);
  }
  lines.sort();
  shared.sort();
  return {
    catalog,
    lead: (id) => leads.get(id) ?? '',
    body: (id) => bodies.get(id) ?? '',
    digest: hashBytes(`${pictures ? 'pictures' : 'linked as written'}\n${lines.join('\n')}`),
    shared: hashBytes(shared.join('\n')),
  };
}

/** The identities of an owner's body images, one a line (remote ones, which have none, left out). */
function identifyBody(catalog: ImageCatalog, owner: ImageOwner): string {
  return owner.body
    .map((image) => catalog.identity({ src: image.src, owner: owner.sourcePath }))
    .filter(Boolean)
    .join('\n');
}
