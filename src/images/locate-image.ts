import path from 'node:path';
import { joinPlain } from '../boundary/join-plain.js';

/** Where a local image's file is and where its original is published. */
export interface LocatedImage {
  /** Absolute path of the file. */
  readonly file: string;
  /** Root-relative URL path of the original, without the base path (`/nasional/banjir/foto-1.jpg`). */
  readonly urlPath: string;
  /** In the content folder (a page bundle's file), so the build publishes it; static files are copied anyway. */
  readonly inContent: boolean;
}

/** The folders image paths resolve against. */
export interface ImageFolders {
  readonly contentDir: string;
  readonly staticDir: string;
}

/**
 * Resolves an image path as written in content: `/images/a.jpg` is a file
 * of the static folder; a relative path (`foto-1.jpg`, `./img/a.png`) is
 * beside the article that uses it (`owner`, its content-relative path), as
 * in a page bundle. Remote URLs give undefined, and so do relative paths
 * that climb out of the content folder (`outside: true`).
 */
export function locateImage(
  src: string,
  owner: string | undefined,
  folders: ImageFolders,
): LocatedImage | { readonly outside: true } | undefined {
  const plain = locatePlainPath(src, owner, folders);
  if (plain) return plain;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return undefined;
  const bare = decodeSafely(src.replace(/[?#].*$/, ''));
  if (!bare) return undefined;
  if (bare.startsWith('/')) {
    const urlPath = path.posix.normalize(bare);
    return { file: path.join(folders.staticDir, ...urlPath.split('/')), urlPath, inContent: false };
  }
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(owner ?? ''), bare));
  if (relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) return { outside: true };
  return { file: path.join(folders.contentDir, ...relative.split('/')), urlPath: `/${relative}`, inContent: true };
}

/**
 * Nothing to decode, strip or normalise (no `%`, `?`, `#`, backslash, colon,
 * empty or dot segment): the common `/images/a.jpg` and `foto-1.jpg`,
 * resolved without the parsing above, which a site's thousands of images
 * would pay for on every build. Undefined for any other path.
 */
function locatePlainPath(src: string, owner: string | undefined, folders: ImageFolders): LocatedImage | undefined {
  if (!PLAIN.test(src)) return undefined;
  if (src.startsWith('/')) return { file: joinPlain(folders.staticDir, src), urlPath: src, inContent: false };
  const folder = owner?.includes('/') ? owner.slice(0, owner.lastIndexOf('/')) : '';
  if (!PLAIN_FOLDER.test(folder)) return undefined;
  const relative = folder ? `${folder}/${src}` : src;
  return { file: joinPlain(folders.contentDir, `/${relative}`), urlPath: `/${relative}`, inContent: true };
}

/** Segments of letters, digits and `-_.+~,@!$&'()=` other than `.` and `..`, joined by single slashes, optionally rooted. */
const PLAIN = /^\/?(?!\.\.?(?:\/|$))[\w\-+~,@!$&'()=.]+(?:\/(?!\.\.?(?:\/|$))[\w\-+~,@!$&'()=.]+)*$/;
/** An owner's folder that {@link PLAIN} would accept as a relative path, or none. */
const PLAIN_FOLDER = /^(?:(?!\.\.?(?:\/|$))[\w\-+~,@!$&'()=.]+(?:\/(?!\.\.?(?:\/|$))[\w\-+~,@!$&'()=.]+)*)?$/;

/** Where an image path leads, for a use by an owner: {@link locateImage} with the folders bound. */
export type Locator = (src: string, owner: string | undefined) => ReturnType<typeof locateImage>;

/**
 * {@link locateImage} remembered per path and owner's folder: a site asks
 * for the same image many times in a build (reading, planning, every page
 * and feed that shows it), and resolving the path each time showed up in
 * profiles of large sites.
 */
export function createLocator(folders: ImageFolders): Locator {
  const found = new Map<string, ReturnType<typeof locateImage>>();
  return (src, owner) => {
    // Absolute and remote paths do not depend on the owner; relative ones only on its folder.
    const key = isRelativeImagePath(src) ? `${path.posix.dirname(owner ?? '')}\n${src}` : src;
    if (!found.has(key)) found.set(key, locateImage(src, owner, folders));
    return found.get(key);
  };
}

/** Neither a site path (`/images/a.jpg`) nor a URL (`https:`, `//cdn`, `data:`): a file beside its article. */
export function isRelativeImagePath(src: string): boolean {
  return !src.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(src);
}

function decodeSafely(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
