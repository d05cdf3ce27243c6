/**
 * Whether an image's EXIF block (sharp's `metadata().exif`) gives the GPS
 * position where the photo was taken: a latitude and a longitude, as phones
 * write them when location is on. A GPS block without them (a phone with
 * location off writes one with only the version or the time) is no position.
 * EXIF that cannot be parsed counts as none: its position cannot be read by
 * the usual tools either. exif-reader is loaded only for images that have EXIF.
 */
export async function hasGpsPosition(exif: Buffer | undefined): Promise<boolean> {
  if (!exif || exif.length === 0) return false;
  const { default: readExif } = await import('exif-reader');
  let gps: Record<string, unknown> | undefined;
  try {
    gps = readExif(exif).GPSInfo;
  } catch {
    return false;
  }
  const latitude: unknown = gps?.['GPSLatitude'];
  const longitude: unknown = gps?.['GPSLongitude'];
  // 0° 0' 0" twice is what some apps write for a position they do not have.
  return Array.isArray(latitude) && Array.isArray(longitude) && [...latitude, ...longitude].some((part) => part !== 0);
}
