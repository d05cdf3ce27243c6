import { cpus } from 'node:os';
import type { Sharp } from 'sharp';
import { hasGpsPosition } from './exif-location.js';
import { findAttention, isOpaque, type SharpFactory } from './inspect-pixels.js';
import type { Derivative } from './plan-picture.js';
import { describeReadFailure, isAnimation } from './read-failure.js';
import type { SourceImage } from './source-image.js';

/** What reading a source image found: its facts, or why it cannot be used. */
export type SourceReading =
  | { readonly ok: true; readonly facts: Omit<SourceImage, 'urlPath' | 'hash'> }
  | {
      readonly ok: false;
      readonly problem: 'unreadable' | 'too-large';
      readonly reason: string;
      /** What to do, when the format's problem has its own answer (a HEIC photo, an empty file). */
      readonly hint?: string;
    };

/** One encoded file. */
export interface EncodedImage {
  readonly derivative: Derivative;
  readonly bytes: Buffer;
}

/** sharp behind a small interface: the only module that decodes or encodes pixels. */
export interface ImageEncoder {
  /**
   * Reads a source's size, format, attention point and whether its EXIF
   * tells where it was taken, decoding it (shrunk) so a corrupt file is
   * caught here; with `headerOnly`, only what the header says (the attention
   * point is then the centre): enough for an image CDN, which decodes the
   * original itself.
   */
  read(bytes: Uint8Array, pixelLimit: number, headerOnly?: boolean): Promise<SourceReading>;
  /**
   * Encodes derived images of one source: each crop and size is resized once
   * from the source and then written in every format asked for it.
   */
  encode(bytes: Uint8Array, derivatives: readonly Derivative[]): Promise<EncodedImage[]>;
  /**
   * How many sources to encode at once, each on one libvips thread: one more
   * than the cores, so a core never waits while a source is between two
   * libvips calls (reading its file, storing its files, a thread handing a
   * strip to another, the main thread collecting garbage).
   */
  readonly parallel: number;
}

/**
 * Loads sharp (a native module: only builds with local images pay for it) and
 * sets it up for batch work: no operation cache (every source is read once),
 * one libvips thread per image, one image more at once than there are cores.
 */
export async function createImageEncoder(): Promise<ImageEncoder> {
  const { default: sharp } = await import('sharp');
  sharp.cache(false);
  sharp.concurrency(1);
  const create: SharpFactory = (input, options) => sharp(input, options);
  return {
    read: (bytes, pixelLimit, headerOnly = false) => readSource(create, bytes, pixelLimit, headerOnly),
    encode: (bytes, derivatives) => encodeDerivatives(create, bytes, derivatives),
    parallel: Math.max(1, cpus().length) + 1,
  };
}

async function readSource(
  create: SharpFactory,
  bytes: Uint8Array,
  pixelLimit: number,
  headerOnly: boolean,
): Promise<SourceReading> {
  let metadata: Awaited<ReturnType<Sharp['metadata']>>;
  try {
    metadata = await create(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return { ok: false, problem: 'unreadable', ...describeReadFailure(error, bytes) };
  }
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height) return { ok: false, problem: 'unreadable', reason: 'it has no pixel size' };
  const pages = isAnimation(metadata) ? (metadata.pages ?? 1) : 1;
  if (width * height * pages > pixelLimit)
    return {
      ok: false,
      problem: 'too-large',
      reason: `${width} × ${height} pixels${pages > 1 ? ` × ${pages} frames` : ''} is over the limit of ${pixelLimit.toLocaleString('en-US')} pixels`,
    };
  const facts = {
    width,
    height,
    format: metadata.format,
    hasAlpha: metadata.hasAlpha,
    animated: pages > 1,
    hasLocation: await hasGpsPosition(metadata.exif),
  };
  if (headerOnly || metadata.format === 'svg' || pages > 1)
    return { ok: true, facts: { ...facts, attention: [0.5, 0.5] } };
  try {
    const attention = await findAttention(create, bytes);
    return { ok: true, facts: { ...facts, attention, hasAlpha: facts.hasAlpha && !(await isOpaque(create, bytes)) } };
  } catch (error) {
    return { ok: false, problem: 'unreadable', ...describeReadFailure(error, bytes, metadata) };
  }
}

/** Sources up to this many pixels are decoded once and kept raw while their files are made (48 MB as RGB). */
const DECODE_ONCE_PIXELS = 16_000_000;

async function encodeDerivatives(
  create: SharpFactory,
  bytes: Uint8Array,
  derivatives: readonly Derivative[],
): Promise<EncodedImage[]> {
  // One decode for every crop and size; a larger source is streamed through libvips per size, so memory stays bounded.
  const metadata = await create(bytes, { limitInputPixels: false }).metadata();
  const decodeOnce = (metadata.width ?? 0) * (metadata.height ?? 0) <= DECODE_ONCE_PIXELS;
  const full = decodeOnce
    ? await create(bytes, { limitInputPixels: false }).autoOrient().raw().toBuffer({ resolveWithObject: true })
    : undefined;
  const encoded: EncodedImage[] = [];
  for (const group of groupByCrop(derivatives)) {
    const first = group[0]?.[0];
    if (!first) continue;
    const resize = full
      ? createLadder(create, full, first.crop)
      : (width: number, height: number): Promise<RawImage> =>
          create(bytes, { limitInputPixels: false })
            .autoOrient()
            .extract(first.crop)
            .resize(width, height, { fit: 'fill' })
            .raw()
            .toBuffer({ resolveWithObject: true });
    for (const size of group) {
      const { width, height } = size[0] as Derivative;
      const resized = await resize(width, height);
      for (const derivative of size)
        encoded.push({
          derivative,
          bytes: await toFormat(create(resized.data, { raw: rawInfo(resized) }), derivative).toBuffer(),
        });
    }
  }
  return encoded;
}

/**
 * Sizes of one crop of a decoded source, each resized from the smallest of
 * the crop's halvings (made once, on demand) that is at least as large: as
 * cheap as resizing each size from the one before, but a file's pixels
 * depend only on the source, the crop and its size, never on which other
 * sizes were made with it, so a build that encodes one missing size makes
 * the bytes a cold build makes (its name promises them).
 */
function createLadder(
  create: SharpFactory,
  full: RawImage,
  crop: Derivative['crop'],
): (width: number, height: number) => Promise<RawImage> {
  const levels: Promise<RawImage>[] = [];
  const sizeAt = (step: number) => ({
    width: Math.max(1, Math.round(crop.width / 2 ** step)),
    height: Math.max(1, Math.round(crop.height / 2 ** step)),
  });
  const level = (step: number): Promise<RawImage> => {
    levels[step] ??=
      step === 0
        ? create(full.data, { raw: rawInfo(full) })
            .extract(crop)
            .raw()
            .toBuffer({ resolveWithObject: true })
        : level(step - 1).then((above) =>
            create(above.data, { raw: rawInfo(above) })
              .resize(sizeAt(step).width, sizeAt(step).height, { fit: 'fill' })
              .raw()
              .toBuffer({ resolveWithObject: true }),
          );
    return levels[step] as Promise<RawImage>;
  };
  return async (width, height) => {
    let step = 0;
    while (sizeAt(step + 1).width >= width && sizeAt(step + 1).height >= height && sizeAt(step + 1).width > 1)
      step += 1;
    const from = await level(step);
    return create(from.data, { raw: rawInfo(from) })
      .resize(width, height, { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
  };
}

type RawImage = { data: Buffer; info: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };

function rawInfo(image: RawImage): { width: number; height: number; channels: 1 | 2 | 3 | 4 } {
  return { width: image.info.width, height: image.info.height, channels: image.info.channels };
}

/** Derivatives by crop, and within a crop by size, widest first. */
function groupByCrop(derivatives: readonly Derivative[]): Derivative[][][] {
  const crops = new Map<string, Map<string, Derivative[]>>();
  for (const derivative of derivatives) {
    const crop = JSON.stringify(derivative.crop);
    const sizes = crops.get(crop) ?? new Map<string, Derivative[]>();
    const size = `${derivative.width}x${derivative.height}`;
    sizes.set(size, [...(sizes.get(size) ?? []), derivative]);
    crops.set(crop, sizes);
  }
  return [...crops.values()].map((sizes) =>
    [...sizes.values()].sort((a, b) => (b[0]?.width ?? 0) - (a[0]?.width ?? 0)),
  );
}

function toFormat(pipeline: Sharp, derivative: Derivative): Sharp {
  const { quality, effort } = derivative.settings;
  switch (derivative.format) {
    case 'avif':
      return pipeline.avif({ quality, effort, chromaSubsampling: derivative.chroma });
    case 'webp':
      return pipeline.webp({ quality, effort });
    case 'png':
      // A palette (libimagequant) keeps transparent fallbacks small; quality bounds its loss.
      return pipeline.png({ quality, effort, palette: true });
    case 'jpeg':
      // Baseline: progressive scans doubled the JPEG's cost for 4 % fewer bytes, and it is only the fallback.
      // Transparency on white, as the page shows it (libvips would lay it on black); no-op without an alpha channel.
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality });
  }
}
