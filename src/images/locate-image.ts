import path from 'node:path';

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

function decodeSafely(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
