import { createHash } from 'node:crypto';
import { type CropRect, cropAround, type FocalPoint, fullFrame } from './focal-crop.js';
import type { AspectRatio, EncoderSettings, ImageFormat, ImageSlot, ImagesConfig } from './images-config.js';
import { fillServiceUrl } from './service-url.js';
import { isPassthrough, type SourceImage } from './source-image.js';

/** Output folder of derived images, below the site root. */
export const DERIVED_DIR = '_images';

/**
 * Bumped when the same parameters would encode different bytes (a changed
 * resize or encoder call), so that old names and cached files are not reused.
 */
const PIPELINE_VERSION = 3;

/**
 * Everything besides a use's source and focus that shapes its derived files'
 * names and bytes: a plan remembered under another digest is planned again.
 */
export function planDigest(config: ImagesConfig): string {
  return createHash('sha1')
    .update(JSON.stringify([PIPELINE_VERSION, PLAN_FORMAT, DERIVED_DIR, config]))
    .digest('hex');
}

/**
 * Bumped when a remembered plan would list its files differently (2: each
 * file once; 3: a transparent image's share crops in JPEG), so that plans are
 * made again; their files keep their keys.
 */
const PLAN_FORMAT = 3;

/** One image file to encode: a crop of a source, resized, in one format. */
export interface Derivative {
  /** Hash of the source bytes and every parameter: the cache key and part of the name. */
  readonly key: string;
  /** Root-relative URL path of the file, without the base path (`/_images/a-640.1f2e3d4c5b.avif`). */
  readonly urlPath: string;
  readonly sourceHash: string;
  readonly crop: CropRect;
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly settings: EncoderSettings;
  /**
   * Colour at half resolution (AVIF 4:2:0) or full (4:4:4): a JPEG's colour
   * was already halved when it was saved, so keeping it full costs encoder
   * time for nothing; graphics saved as PNG or WebP keep their sharp edges.
   */
  readonly chroma: '4:2:0' | '4:4:4';
}

/** One rendition as a page links it. */
export interface Rendition {
  /** Root-relative URL path without the base path, or an absolute CDN URL. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/** A responsive image: what `<picture>` needs, and the files behind it. */
export interface Picture {
  /** `<source>` elements, best format first; empty for passthrough images and CDN mode. */
  readonly sources: readonly { readonly type: string; readonly srcset: readonly Rendition[] }[];
  /** The `<img>`'s own `srcset` in CDN mode (the CDN picks the format); empty when files are encoded, whose fallback is one file. */
  readonly srcset: readonly Rendition[];
  /** The `<img>`'s `src`: the fallback file (JPEG, PNG with transparency) up to 960 px wide. */
  readonly fallback: Rendition;
  readonly sizes: string;
  /** Intrinsic size for `width`/`height`: the largest rendition's. */
  readonly width: number;
  readonly height: number;
  /** Files to encode for this picture (none in CDN mode or for passthrough images). */
  readonly derivatives: readonly Derivative[];
}

/** The fallback `<img>` is at most this wide: old browsers are desktop browsers, and the article column is 44rem. */
const FALLBACK_WIDTH = 960;

const WIDE: AspectRatio = { tag: '16x9', value: 16 / 9 };

/** Per slot: the aspect ratio of the crop (undefined: the source's own) and which widths. */
function slotShape(
  slot: ImageSlot,
  config: ImagesConfig,
): { ratio: AspectRatio | undefined; widths: readonly number[] } {
  switch (slot) {
    case 'lead':
      return { ratio: config.leadRatio, widths: config.widths };
    case 'body':
      return { ratio: undefined, widths: config.widths };
    case 'featured':
      return { ratio: WIDE, widths: config.widths };
    case 'card':
      return { ratio: WIDE, widths: config.cardWidths };
    case 'avatar':
      return { ratio: { tag: '1x1', value: 1 }, widths: [96, 192] };
  }
}

/** Where a picture's URLs point when the site has a base path or a CDN. */
export interface PlanContext {
  readonly config: ImagesConfig;
  /** Root-relative href of a URL path (base path applied), for CDN templates. */
  readonly href: (urlPath: string) => string;
  /** Absolute URL of a URL path, for CDN templates. */
  readonly absolute: (urlPath: string) => string;
}

/**
 * Plans the responsive image of one source in one slot: a pure function of
 * the source's metadata, its focal point and the config, so pages can be
 * rendered before (or without) encoding anything, and the same input always
 * gives the same names.
 */
export function planPicture(source: SourceImage, slot: ImageSlot, focus: FocalPoint, context: PlanContext): Picture {
  const { config } = context;
  const sizes = config.sizes[slot];
  const shape = slotShape(slot, config);
  const crop =
    shape.ratio === undefined
      ? fullFrame(source.width, source.height)
      : cropAround(source.width, source.height, shape.ratio.value, focus);
  const widths = pickWidths(shape.widths, crop.width);
  if (isPassthrough(source)) {
    const original = { url: source.urlPath, width: source.width, height: source.height };
    return {
      sources: [],
      srcset: [],
      fallback: original,
      sizes,
      width: source.width,
      height: source.height,
      derivatives: [],
    };
  }
  // Slots of one shape share files (a 16:9 lead's 960 px AVIF is also the card's): the tag names the shape, not the slot.
  const tag = shape.ratio === undefined ? '' : `${shape.ratio.tag}-`;
  if (config.service) {
    const srcset = widths.map((width) => serviceRendition(source, crop, width, focus, context));
    const largest = srcset[srcset.length - 1] as Rendition;
    const fallback = srcset.find((rendition) => rendition.width === pickFallbackWidth(widths)) ?? largest;
    return { sources: [], srcset, fallback, sizes, width: largest.width, height: largest.height, derivatives: [] };
  }
  const stem = createStem(source.urlPath);
  const modern = config.formats.map((format) => ({
    type: `image/${format}`,
    files: widths.map((width) => planDerivative(source, crop, width, format, tag, config, stem)),
  }));
  // One fallback file, no srcset: only browsers without AVIF and WebP fetch it (see docs/images.md).
  const fallbackFormat: ImageFormat = source.hasAlpha ? 'png' : 'jpeg';
  const fallback = planDerivative(source, crop, pickFallbackWidth(widths), fallbackFormat, tag, config, stem);
  const largest = widths[widths.length - 1] as number;
  return {
    sources: modern.map((entry) => ({ type: entry.type, srcset: entry.files.map(toRendition) })),
    srcset: [],
    fallback: toRendition(fallback),
    sizes,
    width: largest,
    height: heightAt(crop, largest),
    derivatives: [...modern.flatMap((entry) => entry.files), fallback],
  };
}

/** Width of the `<img>`'s own file: the widest up to 960 px (what old desktop browsers show), or the narrowest. */
function pickFallbackWidth(widths: readonly number[]): number {
  return [...widths].reverse().find((width) => width <= FALLBACK_WIDTH) ?? (widths[0] as number);
}

/**
 * The configured widths that fit in `available` pixels, plus `available`
 * itself when a wider one was dropped: never upscaled, and the largest
 * rendition is as sharp as the source allows.
 */
export function pickWidths(widths: readonly number[], available: number): number[] {
  const fitting = [...new Set(widths)].filter((width) => width <= available).sort((a, b) => a - b);
  if (fitting.length < new Set(widths).size && !fitting.includes(available)) fitting.push(available);
  return fitting;
}

/** One file of a crop at one width and format, named by a hash of everything that makes its bytes. */
export function planDerivative(
  source: SourceImage,
  crop: CropRect,
  width: number,
  format: ImageFormat,
  tag: string,
  config: Pick<ImagesConfig, 'encoders'>,
  stem = createStem(source.urlPath),
): Derivative {
  const height = heightAt(crop, width);
  const settings = config.encoders[format];
  const chroma = source.format === 'jpeg' ? '4:2:0' : '4:4:4';
  const key = createHash('sha1')
    .update(JSON.stringify([PIPELINE_VERSION, source.hash, crop, width, height, format, settings, chroma]))
    .digest('hex');
  const extension = format === 'jpeg' ? 'jpg' : format;
  // A "crop" of the whole image (a 16:9 card of a 16:9 photo) is the same file as the plain rendition: one name.
  const whole = crop.left === 0 && crop.top === 0 && crop.width === source.width && crop.height === source.height;
  const urlPath = `/${DERIVED_DIR}/${stem}-${whole ? '' : tag}${width}.${key.slice(0, 10)}.${extension}`;
  return { key, urlPath, sourceHash: source.hash, crop, width, height, format, settings, chroma };
}

/** Height of a crop scaled to `width`, rounded (at least 1 px). */
function heightAt(crop: CropRect, width: number): number {
  return Math.max(1, Math.round((width * crop.height) / crop.width));
}

function toRendition(derivative: Derivative): Rendition {
  return { url: derivative.urlPath, width: derivative.width, height: derivative.height };
}

function serviceRendition(
  source: SourceImage,
  crop: CropRect,
  width: number,
  focus: FocalPoint,
  context: PlanContext,
): Rendition {
  const height = Math.max(1, Math.round((width * crop.height) / crop.width));
  const template = context.config.service?.template ?? '{src}';
  const filled = fillServiceUrl(template, {
    src: context.href(source.urlPath),
    url: context.absolute(source.urlPath),
    width,
    height,
    quality: context.config.encoders.webp.quality,
    focus,
  });
  // Absolute: a root-relative CDN path (`/cdn-cgi/…`) is at the domain's root, never below the site's base path.
  return { url: new URL(filled, context.absolute('/')).href, width, height };
}

/** A readable, URL-safe name from the original's file name (`Banjir Rob.JPG` → `banjir-rob`). */
export function createStem(urlPath: string): string {
  const name = decodeSafely(urlPath.slice(urlPath.lastIndexOf('/') + 1)).replace(/\.[^.]*$/, '');
  // NFKD leaves printable ASCII as it is: a site's thousands of plain names skip it.
  const stem = (/^[ -~]*$/.test(name) ? name : name.normalize('NFKD'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'image';
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
