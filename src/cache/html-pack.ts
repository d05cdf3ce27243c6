import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { hashBytes } from '../hash/hash-bytes.js';

/** Where one article's HTML lives in the pack: byte offset, byte length, and its SHA-1 to detect corruption. */
export type HtmlRef = readonly [offset: number, length: number, sha: string];

/** An open pack file and its size when opened. */
export interface PackFile {
  readonly fd: number;
  readonly size: number;
  /** The pack's path, for messages. */
  readonly file: string;
}

/**
 * One article's HTML in the cache's pack, read (and checked) only when a
 * page or feed needs it. Its digest is the checksum it was stored with, so
 * fingerprints never read it. Opaque outside the cache: where it lives is
 * the cache's business.
 */
export interface PackedHtml {
  /** SHA-1 (hex) of the HTML's UTF-8 bytes. */
  readonly digest: string;
  /** The HTML; throws {@link CacheCorruptionError} when its bytes no longer match the digest. */
  read(): string;
}

/**
 * A piece of the cache found corrupt only as it was read, after the build
 * had started to use the cache: the caller builds again without it. Never
 * shown to a user (the cache is the build's own business).
 */
export class CacheCorruptionError extends Error {
  override readonly name = 'CacheCorruptionError';
}

/** The hidden place of a {@link PackedHtml}: a symbol, so nothing outside the cache reads or fakes it. */
const PLACE = Symbol('newsgen pack place');

interface PlacedHtml extends PackedHtml {
  readonly [PLACE]: { readonly pack: PackFile; readonly ref: HtmlRef };
}

/** A handle on one piece of an open pack, or undefined when the piece lies past its end. */
export function createPackedHtml(pack: PackFile, ref: HtmlRef): PackedHtml | undefined {
  if (ref[0] + ref[1] > pack.size) return undefined;
  const handle: PlacedHtml = {
    digest: ref[2],
    read() {
      const bytes = readPiece(pack, ref);
      if (!bytes) throw new CacheCorruptionError(`A cached article's HTML in ${pack.file} does not match its checksum`);
      return bytes.toString('utf8');
    },
    [PLACE]: { pack, ref },
  };
  return handle;
}

/** The pack and place of a handle made by {@link createPackedHtml}; undefined for anything else. */
export function placeOf(html: unknown): { readonly pack: PackFile; readonly ref: HtmlRef } | undefined {
  return typeof html === 'object' && html !== null && PLACE in html ? (html as PlacedHtml)[PLACE] : undefined;
}

/** Opens a pack for reading; undefined when it cannot be opened. */
export function openPack(file: string): PackFile | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    return { fd, size: fstatSync(fd).size, file };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** One piece's bytes, or undefined when they cannot be read, are short or do not match their hash. */
export function readPiece(pack: PackFile, [offset, length, sha]: HtmlRef): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  try {
    while (read < length) {
      const count = readSync(pack.fd, bytes, read, length - read, offset + read);
      if (count === 0) break;
      read += count;
    }
  } catch {
    // An unreadable cache is a missing one, never a failed build.
    return undefined;
  }
  return read === length && hashBytes(bytes) === sha ? bytes : undefined;
}
