/** Why a source could not be read: sharp's reason, and what to do when the usual hint would not help. */
export interface ReadFailure {
  readonly reason: string;
  readonly hint?: string;
}

/** What the header said of a file that then failed to decode, when it said anything. */
export interface HeaderFacts {
  readonly format?: string | undefined;
  readonly compression?: string | undefined;
}

const COPY_AGAIN_HINT =
  'Copy or upload the photo again from its source: a copy or upload that stopped half-way leaves an empty or truncated file.';

const HEIC_HINT =
  'Export it as a JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible; on a Mac: open it in Preview, File › Export… › JPEG), or install sharp on a libvips built with libde265.';

/**
 * The diagnostic's reason for a file sharp refused: an iPhone's HEIC photo
 * (HEVC, a codec sharp's prebuilt libvips leaves out for its patents) and an
 * empty or truncated file say so and what to do, where sharp's own words
 * ("Support for this compression format has not been built in", "Input Buffer
 * is empty", "premature end of JPEG image") do not.
 */
export function describeReadFailure(error: unknown, bytes: Uint8Array, header?: HeaderFacts): ReadFailure {
  if (bytes.length === 0) return { reason: 'the file is empty (0 bytes)', hint: COPY_AGAIN_HINT };
  const message = error instanceof Error ? error.message : String(error);
  if ((header?.format === 'heif' && header.compression === 'hevc') || /not been built in: HEVC/i.test(message))
    return {
      reason: 'it is a HEIC photo (HEVC), which the image library sharp installs cannot decode',
      hint: HEIC_HINT,
    };
  // Saving it again cannot bring back what is missing: it has to come again from where it came from.
  if (/premature end|unexpected end/i.test(message))
    return { reason: `the file is cut short (${describeSharpError(message)})`, hint: COPY_AGAIN_HINT };
  return { reason: describeSharpError(message) };
}

/**
 * More than one frame that plays: an animated GIF, WebP or PNG. A HEIF file's
 * pages are separate still images (an iPhone's burst or edits beside the
 * photo), whose primary image is the photo: it is encoded like any other,
 * since browsers other than Safari show no HEIC.
 */
export function isAnimation(header: {
  readonly format?: string | undefined;
  readonly pages?: number | undefined;
}): boolean {
  return (header.pages ?? 1) > 1 && header.format !== 'heif';
}

/** sharp's message without its internal prefixes, and on one line. */
function describeSharpError(message: string): string {
  return (
    message
      // libheif's retries while it looks for a box (source: bad seek to 1024, to 512, …): noise before its reason.
      .replace(/source: bad seek to \d+\s*/g, '')
      .replace(/^Input (buffer|file) (contains|has) /, 'it has ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
