import type { ArticleBodies } from '../content/article.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { type HtmlSpill, openHtmlSpill } from './html-spill.js';

/** A body that stays where something else keeps it (the build cache's pack): read on demand. */
export interface StoredBody {
  /** SHA-1 (hex) of the body's UTF-8 bytes, known without reading it. */
  readonly digest: string;
  read(): string;
}

/** Where one article's body is during a build. */
type Held =
  | { readonly kind: 'memory'; readonly html: string; digest: string | undefined }
  | { readonly kind: 'spilled'; readonly read: () => string; readonly digest: string }
  | { readonly kind: 'stored'; readonly body: StoredBody };

/**
 * The one owner of article bodies. The site model holds article metadata
 * only; pages, feeds and fingerprints read bodies here by source path. A
 * body is kept in memory, in a spill file (a large build, so 100,000 bodies
 * never wait in memory for the last page), or left in the build cache and
 * read only when a page or feed that shows it is rendered.
 */
export interface BodyStore extends ArticleBodies {
  /** Keeps a freshly processed body: in memory, or in the spill file once spilling started. */
  keep(sourcePath: string, html: string): void;
  /** Keeps a body that stays in the cache. */
  keepStored(sourcePath: string, body: StoredBody): void;
  /** Whether a body is held for `sourcePath`. */
  has(sourcePath: string): boolean;
  /** What saving the cache needs of a body: the stored body itself, or what reads its text. */
  saved(sourcePath: string): StoredBody | (() => string) | undefined;
  forget(sourcePath: string): void;
  /** Bodies kept from now on go to a temporary file in a new folder under `parent`. */
  spillTo(parent: string): void;
  /** Forgets every body (the spill file stays open for the session). */
  clear(): void;
  /** Deletes the spill file: nothing may be read after. */
  close(): void;
}

/** Creates an empty body store. */
export function createBodyStore(): BodyStore {
  const held = new Map<string, Held>();
  let spill: HtmlSpill | undefined;
  const find = (sourcePath: string): Held => {
    const body = held.get(sourcePath);
    if (!body) throw new Error(`Internal: no body is held for ${sourcePath}`);
    return body;
  };
  return {
    html(article) {
      const body = find(article.sourcePath);
      if (body.kind === 'memory') return body.html;
      return body.kind === 'spilled' ? body.read() : body.body.read();
    },
    digest(article) {
      const body = find(article.sourcePath);
      if (body.kind === 'memory') return (body.digest ??= hashBytes(body.html));
      return body.kind === 'spilled' ? body.digest : body.body.digest;
    },
    keep(sourcePath, html) {
      held.set(
        sourcePath,
        spill
          ? { kind: 'spilled', read: spill.add(html), digest: hashBytes(html) }
          : { kind: 'memory', html, digest: undefined },
      );
    },
    keepStored: (sourcePath, body) => void held.set(sourcePath, { kind: 'stored', body }),
    has: (sourcePath) => held.has(sourcePath),
    saved(sourcePath) {
      const body = held.get(sourcePath);
      if (!body) return undefined;
      if (body.kind === 'stored') return body.body;
      return body.kind === 'memory' ? () => body.html : body.read;
    },
    forget: (sourcePath) => void held.delete(sourcePath),
    spillTo(parent) {
      spill ??= openHtmlSpill(parent);
    },
    clear: () => held.clear(),
    close() {
      held.clear();
      spill?.close();
    },
  };
}

/** Bodies from a plain map (tests, render threads): digests hashed when asked. */
export function createMapBodies(bodies: ReadonlyMap<string, string>): ArticleBodies {
  const store = createBodyStore();
  for (const [sourcePath, html] of bodies) store.keep(sourcePath, html);
  return store;
}
