import { closeSync, openSync, readSync } from 'node:fs';

/**
 * What `visit` makes of each file's bytes (given with the open descriptor
 * and the file's index), undefined for a file that cannot be opened or
 * read, or that `visit` throws on: the files a build hashes whole. Each is read into one buffer kept for them all, so the bytes are only
 * valid during the call: for 10,000 articles about a third faster than a
 * `readFileSync` each, which also asks each file its size and makes a buffer
 * of it. With the sizes the files were statted at (`sizes`), a file that
 * many bytes long is read in one call: fewer bytes than asked for is its
 * end, as `readFileSync` takes it too.
 */
export function readEachFile<T>(
  paths: readonly string[],
  sizes: readonly (number | undefined)[] | undefined,
  visit: (bytes: Buffer, fd: number, index: number) => T,
): (T | undefined)[] {
  let buffer = Buffer.allocUnsafe(64 * 1024);
  return paths.map((file, index) => {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      // Room for one byte more than the stat found: a file that grew since is read on to its end.
      const expected = sizes?.[index];
      if (expected !== undefined && buffer.length <= expected) buffer = Buffer.allocUnsafe(expected + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger);
          buffer = larger;
        }
        const asked = buffer.length - length;
        const read = readSync(fd, buffer, length, asked, null);
        length += read;
        if (read === 0 || (expected !== undefined && read < asked)) break;
      }
      return visit(buffer.subarray(0, length), fd, index);
    } catch {
      // A folder, or a file that fails while it is read.
      return undefined;
    } finally {
      closeSync(fd);
    }
  });
}
