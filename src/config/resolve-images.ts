import {
  type AspectRatio,
  DEFAULT_IMAGES,
  type EncoderSettings,
  type ImageFormat,
  type ImageService,
  type ImageSlot,
  type ImagesConfig,
  type ModernFormat,
  SERVICE_PRESETS,
} from '../images/images-config.js';

/** Where the images resolver reports problems, at a key path (unknown keys are the config checker's). */
export interface ConfigReporter {
  error(keyPath: readonly (string | number)[], reason: string): void;
}

const EFFORT_RANGE: Readonly<Record<ImageFormat, readonly [number, number]>> = {
  avif: [0, 9],
  webp: [0, 6],
  jpeg: [0, 0],
  png: [1, 10],
};
const MODERN: readonly ModernFormat[] = ['avif', 'webp'];
const SLOTS: readonly ImageSlot[] = ['lead', 'featured', 'card', 'body', 'avatar'];

/**
 * Resolves the `images` config key: `false` turns the pipeline off (originals
 * are copied and linked as they are), anything else is merged over
 * {@link DEFAULT_IMAGES} key by key. Problems are reported, never thrown;
 * unknown keys are left to the config's key tree (`CONFIG_KEYS`).
 */
export function resolveImages(value: unknown, report: ConfigReporter): ImagesConfig | false {
  if (value === false) return false;
  if (value === undefined || value === null || value === true) return DEFAULT_IMAGES;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report.error(['images'], 'Unexpected value, expected `false` or an object of image settings');
    return DEFAULT_IMAGES;
  }
  const user = value as Record<string, unknown>;
  const widths = resolveWidths(['images', 'widths'], user['widths'], DEFAULT_IMAGES.widths, report);
  const cardWidths = resolveWidths(['images', 'cardWidths'], user['cardWidths'], DEFAULT_IMAGES.cardWidths, report);
  const leadRatio = resolveRatio(['images', 'leadRatio'], user['leadRatio'], report);
  const encoders = { ...DEFAULT_IMAGES.encoders };
  for (const format of Object.keys(EFFORT_RANGE) as ImageFormat[])
    encoders[format] = resolveEncoder(format, user[format], report);
  return {
    widths,
    cardWidths,
    leadRatio,
    formats: resolveFormats(user['formats'], report),
    encoders,
    sizes: resolveSizes(user['sizes'], report),
    pixelLimit: resolvePositive(['images', 'pixelLimit'], user['pixelLimit'], DEFAULT_IMAGES.pixelLimit, report),
    service: resolveService(user['service'], report),
  };
}

function resolveWidths(
  keyPath: readonly string[],
  value: unknown,
  fallback: readonly number[],
  report: ConfigReporter,
): readonly number[] {
  if (value === undefined || value === null) return fallback;
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((width) => typeof width === 'number' && Number.isInteger(width) && width >= 16 && width <= 8192);
  if (valid) return [...new Set(value as number[])].sort((a, b) => a - b);
  report.error(keyPath, `Unexpected ${JSON.stringify(value)}, expected a list of pixel widths from 16 to 8192`);
  return fallback;
}

/** `"16:9"` (width:height, whole numbers from 1 to 100, at most 4 times wider than tall or the reverse), or `false`: each image's own shape. */
function resolveRatio(keyPath: readonly string[], value: unknown, report: ConfigReporter): AspectRatio | undefined {
  if (value === undefined || value === null) return DEFAULT_IMAGES.leadRatio;
  if (value === false) return undefined;
  const match = typeof value === 'string' ? /^\s*(\d{1,3})\s*:\s*(\d{1,3})\s*$/.exec(value) : null;
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (match && width >= 1 && height >= 1 && width <= 100 && height <= 100 && width / height <= 4 && height / width <= 4)
    return { tag: `${width}x${height}`, value: width / height };
  report.error(
    keyPath,
    `Unexpected ${JSON.stringify(value)}, expected a shape such as "16:9" or "4:3", or false to keep each image's own`,
  );
  return DEFAULT_IMAGES.leadRatio;
}

function resolveFormats(value: unknown, report: ConfigReporter): readonly ModernFormat[] {
  if (value === undefined || value === null) return DEFAULT_IMAGES.formats;
  if (Array.isArray(value) && value.every((format) => MODERN.includes(format as ModernFormat)))
    return MODERN.filter((format) => value.includes(format));
  report.error(
    ['images', 'formats'],
    `Unexpected ${JSON.stringify(value)}, expected a list of "avif" and "webp" (the JPEG or PNG fallback is always written)`,
  );
  return DEFAULT_IMAGES.formats;
}

function resolveEncoder(format: ImageFormat, value: unknown, report: ConfigReporter): EncoderSettings {
  const fallback = DEFAULT_IMAGES.encoders[format];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report.error(['images', format], 'Unexpected value, expected `{ "quality": …, "effort": … }`');
    return fallback;
  }
  const settings = value as Record<string, unknown>;
  const [low, high] = EFFORT_RANGE[format];
  const number = (key: 'quality' | 'effort', min: number, max: number): number => {
    const item = settings[key];
    if (item === undefined || item === null) return fallback[key];
    if (typeof item === 'number' && Number.isInteger(item) && item >= min && item <= max) return item;
    report.error(
      ['images', format, key],
      `Unexpected ${JSON.stringify(item)}, expected a whole number from ${min} to ${max}`,
    );
    return fallback[key];
  };
  return { quality: number('quality', 1, 100), effort: format === 'jpeg' ? 0 : number('effort', low, high) };
}

function resolveSizes(value: unknown, report: ConfigReporter): Readonly<Record<ImageSlot, string>> {
  if (value === undefined || value === null) return DEFAULT_IMAGES.sizes;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report.error(['images', 'sizes'], `Unexpected value, expected an object with ${SLOTS.join(', ')}`);
    return DEFAULT_IMAGES.sizes;
  }
  const sizes = { ...DEFAULT_IMAGES.sizes };
  for (const [slot, text] of Object.entries(value)) {
    if (!SLOTS.includes(slot as ImageSlot)) continue;
    if (typeof text === 'string' && text.trim()) sizes[slot as ImageSlot] = text.trim();
    else report.error(['images', 'sizes', slot], 'Unexpected value, expected a `sizes` attribute such as "100vw"');
  }
  return sizes;
}

function resolvePositive(keyPath: readonly string[], value: unknown, fallback: number, report: ConfigReporter): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  report.error(keyPath, `Unexpected ${JSON.stringify(value)}, expected a whole number of at least 1`);
  return fallback;
}

/**
 * `service`: a preset name (`cloudflare`, `netlify`), `{ "imgix":
 * "https://x.imgix.net" }` (imgix serves the originals from its own domain),
 * or a URL template with placeholders.
 */
function resolveService(value: unknown, report: ConfigReporter): ImageService | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  const keyPath = ['images', 'service'];
  if (value === 'cloudflare' || value === 'netlify') return { name: value, template: SERVICE_PRESETS[value] };
  if (typeof value === 'string' && /\{(src|url)\}/.test(value)) return { name: 'custom', template: value };
  if (typeof value === 'object' && !Array.isArray(value) && 'imgix' in value) {
    const domain = (value as Record<string, unknown>)['imgix'];
    if (typeof domain === 'string' && /^https:\/\/[^/?#]+\/?$/.test(domain))
      return { name: 'imgix', template: `${domain.replace(/\/$/, '')}${SERVICE_PRESETS.imgix}` };
    report.error(
      [...keyPath, 'imgix'],
      `Unexpected ${JSON.stringify(domain)}, expected the imgix domain, such as "https://warta.imgix.net"`,
    );
    return undefined;
  }
  report.error(
    keyPath,
    `Unexpected ${JSON.stringify(value)}, expected "cloudflare", "netlify", { "imgix": "https://…" } or a URL template with {src} or {url}`,
  );
  return undefined;
}
