import { describe, expect, test } from 'vitest';
import { resolveImages } from '../../src/config/resolve-images.js';
import { DEFAULT_IMAGES } from '../../src/images/images-config.js';

function resolve(value: unknown) {
  const errors: string[] = [];
  const config = resolveImages(value, { error: (keyPath, reason) => errors.push(`${keyPath.join('.')}: ${reason}`) });
  return { config, errors };
}

describe('resolveImages', () => {
  test('turns the pipeline on with the defaults when the key is absent, and off with false', () => {
    expect(resolve(undefined)).toEqual({ config: DEFAULT_IMAGES, errors: [] });
    expect(resolve(false).config).toBe(false);
  });

  test('merges settings over the defaults key by key', () => {
    const { config, errors } = resolve({
      widths: [1600, 400, 800, 400],
      formats: ['webp'],
      avif: { quality: 40 },
      sizes: { card: '50vw' },
      pixelLimit: 40_000_000,
    });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      widths: [400, 800, 1600],
      cardWidths: DEFAULT_IMAGES.cardWidths,
      formats: ['webp'],
      encoders: { avif: { quality: 40, effort: 0 }, webp: DEFAULT_IMAGES.encoders.webp },
      sizes: { card: '50vw', lead: DEFAULT_IMAGES.sizes.lead },
      pixelLimit: 40_000_000,
      service: undefined,
    });
  });

  test("crops leads to 16:9 unless told another shape, or false for each image's own", () => {
    expect(resolve({}).config).toMatchObject({ leadRatio: { tag: '16x9', value: 16 / 9 } });
    expect(resolve({ leadRatio: '4:3' }).config).toMatchObject({ leadRatio: { tag: '4x3', value: 4 / 3 } });
    expect(resolve({ leadRatio: ' 1 : 1 ' }).config).toMatchObject({ leadRatio: { tag: '1x1', value: 1 } });
    const own = resolve({ leadRatio: false });
    expect(own.errors).toEqual([]);
    expect(own.config === false ? 'off' : own.config.leadRatio).toBeUndefined();
    for (const wrong of ['wide', '16/9', '0:9', '9:1', 16 / 9, true])
      expect(resolve({ leadRatio: wrong }).errors, String(wrong)).toEqual([
        `images.leadRatio: Unexpected ${JSON.stringify(wrong)}, expected a shape such as "16:9" or "4:3", or false to keep each image's own`,
      ]);
  });

  test('knows the Cloudflare, Netlify and imgix presets and custom templates', () => {
    expect(resolve({ service: 'cloudflare' }).config).toMatchObject({ service: { name: 'cloudflare' } });
    expect(resolve({ service: 'netlify' }).config).toMatchObject({ service: { name: 'netlify' } });
    const imgix = resolve({ service: { imgix: 'https://warta.imgix.net/' } }).config;
    expect(imgix === false ? undefined : imgix.service?.template).toMatch(
      /^https:\/\/warta\.imgix\.net\{src\}\?w=\{width\}/,
    );
    expect(resolve({ service: 'https://img.example/{width}{src}' }).config).toMatchObject({
      service: { name: 'custom', template: 'https://img.example/{width}{src}' },
    });
  });

  test('reports every wrong value at its key', () => {
    const { errors } = resolve({
      widths: [0, 'x'],
      formats: ['jpeg'],
      avif: { quality: 500, effort: 12 },
      sizes: { lead: 3, banner: '100vw' },
      pixelLimit: -1,
      service: { imgix: 'http://warta.imgix.net' },
    });
    expect(errors).toEqual([
      'images.widths: Unexpected [0,"x"], expected a list of pixel widths from 16 to 8192',
      'images.avif.quality: Unexpected 500, expected a whole number from 1 to 100',
      'images.avif.effort: Unexpected 12, expected a whole number from 0 to 9',
      'images.formats: Unexpected ["jpeg"], expected a list of "avif" and "webp" (the JPEG or PNG fallback is always written)',
      'images.sizes.lead: Unexpected value, expected a `sizes` attribute such as "100vw"',
      'images.pixelLimit: Unexpected -1, expected a whole number of at least 1',
      'images.service.imgix: Unexpected "http://warta.imgix.net", expected the imgix domain, such as "https://warta.imgix.net"',
    ]);
  });
});
