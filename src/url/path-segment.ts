// Characters Windows refuses in file names; refusing them everywhere keeps a site portable.
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
// Device names Windows reserves in every folder, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Most file systems cap a single name at 255 bytes. */
export const MAX_SEGMENT_BYTES = 255;

/**
 * Why one segment of an output path (a folder or file name) is unsafe on
 * common file systems, or undefined when it is fine: empty, `.` or `..`,
 * characters Windows refuses, a trailing dot or space, a device name
 * Windows reserves (`con`, `nul`, `com1`…), or longer than 255 bytes. Slugs
 * are checked with it where they are written (a tag `CON`), so the message
 * can name the article, and output paths again where they are written.
 */
export function findSegmentProblem(segment: string): string | undefined {
  if (segment === '') return 'has an empty segment (a doubled or trailing "/")';
  if (segment === '.') return 'has a "." segment';
  if (segment === '..') return 'has a ".." segment, which could leave the output folder';
  if (WINDOWS_FORBIDDEN.test(segment)) return `has "${segment}", which contains one of < > : " | ? *`;
  if (segment.endsWith('.') || segment.endsWith(' ')) return `has "${segment}", which ends in a dot or a space`;
  if (WINDOWS_RESERVED.test(segment)) return `has "${segment}", a name Windows reserves for devices`;
  // A UTF-16 unit is at most three UTF-8 bytes: only a long name needs counting.
  if (segment.length * 3 > MAX_SEGMENT_BYTES && Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES)
    return `has a name longer than ${MAX_SEGMENT_BYTES} bytes`;
  return undefined;
}
