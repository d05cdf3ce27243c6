/** Formats the pipeline writes: two modern ones and the fallbacks for old browsers. */
export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** Modern formats offered in `<source>` elements, best first. */
export type ModernFormat = 'avif' | 'webp';

/** Where an image is shown; each place has its own `sizes`, widths and crop. */
export type ImageSlot = 'lead' | 'featured' | 'card' | 'body' | 'avatar';

/** Encoder settings of one format (sharp's names and ranges). */
export interface EncoderSettings {
  /** 1-100. */
  readonly quality: number;
  /** CPU spent on compression: AVIF 0-9, WebP 0-6, PNG 1-10; ignored for JPEG. */
  readonly effort: number;
}

/** An image CDN: URL templates instead of local encoding. */
export interface ImageService {
  /** The preset it came from, or `custom`. */
  readonly name: 'cloudflare' | 'imgix' | 'netlify' | 'custom';
  /**
   * URL of one rendition with `{src}` (the original's root-relative URL),
   * `{url}` (its absolute URL), `{width}`, `{height}`, `{quality}` and
   * `{fx}`/`{fy}` (the focal point, 0-1) filled in; `{src}` and `{url}` are
   * URI-encoded where they stand in a query.
   */
  readonly template: string;
}

/** An aspect ratio as configured (`"16:9"`): its name in file names and its value. */
export interface AspectRatio {
  /** `16x9`: how derived file names carry it. */
  readonly tag: string;
  /** Width / height. */
  readonly value: number;
}

/** The `images` config key, resolved. */
export interface ImagesConfig {
  /** Widths of the lead, featured and body renditions (never above the source's own width). */
  readonly widths: readonly number[];
  /** Widths of card renditions: cards are narrower than the article column. */
  readonly cardWidths: readonly number[];
  /**
   * The shape of an article's lead image, cropped around its focal point;
   * undefined: each photo's own. 16:9 by default, the frame of the home
   * headline, the cards and a video lead: the lead shares their files, and a
   * photo costs a third less to encode than with a crop of its own.
   */
  readonly leadRatio: AspectRatio | undefined;
  /** Modern formats offered before the JPEG (or PNG) fallback. */
  readonly formats: readonly ModernFormat[];
  readonly encoders: Readonly<Record<ImageFormat, EncoderSettings>>;
  /** The `sizes` attribute of each slot, fit to the theme's layout. */
  readonly sizes: Readonly<Record<ImageSlot, string>>;
  /** Sources with more pixels than this are refused (a decompression bomb costs memory, not bytes). */
  readonly pixelLimit: number;
  /** Encode nothing and point `srcset` at this CDN, when set. */
  readonly service: ImageService | undefined;
}

/**
 * Encoder defaults, chosen from measurements (README, "Images"; rerun them
 * with `scripts/measure-encoders.mjs`): AVIF and WebP at their cheapest
 * efforts, because higher ones multiply the CPU time of a cold build for a
 * few per cent of bytes; JPEG with libjpeg-turbo rather than mozjpeg, because
 * the fallback serves only browsers without AVIF or WebP, and crawlers.
 */
export const DEFAULT_ENCODERS: Readonly<Record<ImageFormat, EncoderSettings>> = Object.freeze({
  avif: { quality: 50, effort: 0 },
  webp: { quality: 75, effort: 1 },
  jpeg: { quality: 75, effort: 0 },
  png: { quality: 80, effort: 4 },
});

/**
 * `sizes` for the built-in theme: a 44rem article column, cards one to three
 * in a row from tablets on and a 7rem thumbnail beside the headline on
 * phones, the home headline three fifths of a 72rem page, avatars at 6rem;
 * 1rem of padding on each side of the page.
 */
export const DEFAULT_SIZES: Readonly<Record<ImageSlot, string>> = Object.freeze({
  lead: '(min-width: 46rem) 44rem, calc(100vw - 2rem)',
  body: '(min-width: 46rem) 44rem, calc(100vw - 2rem)',
  featured: '(min-width: 72rem) 41rem, (min-width: 40rem) calc(60vw - 2rem), calc(100vw - 2rem)',
  card: '(min-width: 72rem) 22.5rem, (min-width: 64rem) calc(33vw - 2rem), (min-width: 40rem) calc(50vw - 2rem), 7rem',
  avatar: '6rem',
});

/** Everything the pipeline does when the config says nothing but `images: {}` (or nothing at all). */
export const DEFAULT_IMAGES: ImagesConfig = Object.freeze<ImagesConfig>({
  widths: [320, 720, 960, 1280, 1600],
  cardWidths: [320, 720, 960],
  leadRatio: Object.freeze({ tag: '16x9', value: 16 / 9 }),
  formats: ['avif', 'webp'],
  encoders: DEFAULT_ENCODERS,
  sizes: DEFAULT_SIZES,
  pixelLimit: 100_000_000,
  service: undefined,
});

/** Presets of `images.service`: templates for Cloudflare Images, imgix and Netlify Image CDN. */
export const SERVICE_PRESETS: Readonly<Record<'cloudflare' | 'imgix' | 'netlify', string>> = Object.freeze({
  cloudflare:
    '/cdn-cgi/image/width={width},height={height},fit=cover,gravity={fx}x{fy},quality={quality},format=auto{src}',
  // imgix serves the site's originals from its own domain: the preset's template starts with it (see resolveImages).
  imgix: '{src}?w={width}&h={height}&fit=crop&crop=focalpoint&fp-x={fx}&fp-y={fy}&q={quality}&auto=format',
  // Netlify crops around the centre only: the focal point cannot be passed.
  netlify: '/.netlify/images?url={src}&w={width}&h={height}&fit=cover&q={quality}',
});
