import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ImageReference } from './read-sources.js';
import type { SourceImage } from './source-image.js';

/**
 * An `image-location` warning at every use of a local image whose EXIF
 * gives the GPS position where it was taken: the derived files carry no
 * metadata, but the original (a static file, or a photo beside the article)
 * is published as it is, and a reader who downloads it learns where it was
 * taken (a source's home, a reporter's whereabouts).
 */
export function warnLocations(
  references: readonly ImageReference[],
  sources: ReadonlyMap<string, SourceImage>,
  displayPath: (file: string) => string,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const reference of references) {
    if (!sources.get(reference.file)?.hasLocation) continue;
    const file = displayPath(reference.file);
    warnings.push(
      createDiagnostic({
        file: reference.usedBy.file,
        place: reference.usedBy.place,
        severity: 'warning',
        reason: `Unexpected GPS position in ${file}, published as it is: it tells where the photo was taken`,
        ruleId: 'image-location',
        hint: `Run \`exiftool -gps:all= ${quoteForShell(file)}\`, or export it without location.`,
      }),
    );
  }
  return warnings;
}

/** A path as a shell reads it: quoted when it has anything but letters, digits and `._/-`. */
function quoteForShell(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", `'\\''`)}'`;
}
