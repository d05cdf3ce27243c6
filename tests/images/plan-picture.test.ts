import { describe, expect, test } from 'vitest';
import { DEFAULT_IMAGES, type ImagesConfig } from '../../src/images/images-config.js';
import { createStem, type PlanContext, pickWidths, planPicture } from '../../src/images/plan-picture.js';
import { planShareImages } from '../../src/images/plan-share-images.js';
import type { SourceImage } from '../../src/images/source-image.js';

const PHOTO: SourceImage = {
  urlPath: '/images/Banjir Rob.JPG',
  hash: 'a'.repeat(40),
  width: 2400,
  height: 1600,
  format: 'jpeg',
  hasAlpha: false,
  animated: false,
  hasLocation: false,
  attention: [0.7, 0.3],
};

function context(config: Partial<ImagesConfig> = {}): PlanContext {
  return {
    config: { ...DEFAULT_IMAGES, ...config },
    href: (urlPath) => `/warta${urlPath}`,
    absolute: (urlPath) => `https://warta.example.id/warta${urlPath}`,
  };
}

describe('planPicture', () => {
  test('offers AVIF and WebP sources at every configured width and one JPEG fallback file', () => {
    const picture = planPicture(PHOTO, 'lead', [0.5, 0.5], context({ leadRatio: undefined }));
    expect(picture.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    for (const source of picture.sources)
      expect(source.srcset.map((rendition) => rendition.width)).toEqual([320, 720, 960, 1280, 1600]);
    // Only browsers without AVIF and WebP fetch the fallback: one file, the <img>'s src, no srcset of its own.
    expect(picture.srcset).toEqual([]);
    expect(picture.fallback).toEqual({
      url: expect.stringMatching(/^\/_images\/banjir-rob-960\.[0-9a-f]{10}\.jpg$/),
      width: 960,
      height: 640,
    });
    expect(picture).toMatchObject({ width: 1600, height: 1067, sizes: DEFAULT_IMAGES.sizes.lead });
    expect(picture.derivatives.map((derivative) => `${derivative.format} ${derivative.width}`)).toEqual([
      ...[320, 720, 960, 1280, 1600].map((width) => `avif ${width}`),
      ...[320, 720, 960, 1280, 1600].map((width) => `webp ${width}`),
      'jpeg 960',
    ]);
    expect(picture.derivatives.map((derivative) => derivative.urlPath)).toContain(picture.fallback.url);
  });

  test('crops the lead to 16:9 around the focal point by default, with the same files as the card at the widths they share', () => {
    const lead = planPicture(PHOTO, 'lead', [0.5, 0.9], context());
    expect(lead.sources[0]?.srcset.map((rendition) => [rendition.width, rendition.height])).toEqual([
      [320, 180],
      [720, 405],
      [960, 540],
      [1280, 720],
      [1600, 900],
    ]);
    // The focus near the bottom keeps the crop at the bottom edge (1600 - 1350).
    expect(lead.derivatives[0]?.crop).toEqual({ left: 0, top: 250, width: 2400, height: 1350 });
    expect(lead).toMatchObject({ width: 1600, height: 900 });
    expect(lead.fallback.url).toMatch(/^\/_images\/banjir-rob-16x9-960\.[0-9a-f]{10}\.jpg$/);
    const card = planPicture(PHOTO, 'card', [0.5, 0.9], context());
    const leadFiles = new Set(lead.derivatives.map((derivative) => derivative.urlPath));
    expect(card.derivatives.every((derivative) => leadFiles.has(derivative.urlPath))).toBe(true);
    // Another shape: its own crop and tag; false keeps the photo's own shape.
    const square = planPicture(PHOTO, 'lead', [0.5, 0.5], context({ leadRatio: { tag: '1x1', value: 1 } }));
    expect(square.derivatives[0]?.crop).toEqual({ left: 400, top: 0, width: 1600, height: 1600 });
    expect(square.sources[0]?.srcset[0]?.url).toMatch(/^\/_images\/banjir-rob-1x1-320\.[0-9a-f]{10}\.avif$/);
    const own = planPicture(PHOTO, 'lead', [0.5, 0.9], context({ leadRatio: undefined }));
    expect(own.derivatives[0]?.crop).toEqual({ left: 0, top: 0, width: 2400, height: 1600 });
  });

  test('makes the fallback of a source narrower than 960 px at its own width', () => {
    const picture = planPicture({ ...PHOTO, width: 600, height: 400 }, 'body', [0.5, 0.5], context());
    expect(picture.fallback).toMatchObject({ width: 600, height: 400 });
    expect(picture.derivatives.filter((derivative) => derivative.format === 'jpeg')).toHaveLength(1);
  });

  test('never upscales: a narrow source gets the widths below it and its own width', () => {
    expect(pickWidths([320, 640, 960, 1280, 1600], 1200)).toEqual([320, 640, 960, 1200]);
    expect(pickWidths([320, 640], 200)).toEqual([200]);
    expect(pickWidths([320, 640], 640)).toEqual([320, 640]);
  });

  test('crops cards to 16:9 around the focal point at the card widths', () => {
    const picture = planPicture(PHOTO, 'card', [0.5, 0], context());
    expect(picture.sources[0]?.srcset.map((rendition) => [rendition.width, rendition.height])).toEqual([
      [320, 180],
      [720, 405],
      [960, 540],
    ]);
    expect(picture.derivatives[0]?.crop).toEqual({ left: 0, top: 0, width: 2400, height: 1350 });
    expect(picture.sources[0]?.srcset[0]?.url).toMatch(/^\/_images\/banjir-rob-16x9-320\.[0-9a-f]{10}\.avif$/);
    expect(picture.fallback.url).toMatch(/^\/_images\/banjir-rob-16x9-960\.[0-9a-f]{10}\.jpg$/);
  });

  test('names derived files by the source bytes and every parameter', () => {
    const names = (source: SourceImage, config?: Partial<ImagesConfig>) =>
      planPicture(source, 'lead', [0.5, 0.5], context(config)).derivatives.map((derivative) => derivative.urlPath);
    expect(names(PHOTO)).toEqual(names({ ...PHOTO }));
    expect(names({ ...PHOTO, hash: 'b'.repeat(40) })).not.toEqual(names(PHOTO));
    const requality = names(PHOTO, { encoders: { ...DEFAULT_IMAGES.encoders, avif: { quality: 40, effort: 0 } } });
    expect(requality.filter((name) => name.endsWith('.avif'))).not.toEqual(
      names(PHOTO).filter((name) => name.endsWith('.avif')),
    );
    expect(requality.filter((name) => name.endsWith('.jpg'))).toEqual(
      names(PHOTO).filter((name) => name.endsWith('.jpg')),
    );
  });

  test('halves the AVIF colour resolution of JPEG photos only, and names the files by it', () => {
    const chroma = (source: SourceImage) =>
      planPicture(source, 'lead', [0.5, 0.5], context()).derivatives.map((derivative) => derivative.chroma);
    expect(new Set(chroma(PHOTO))).toEqual(new Set(['4:2:0']));
    expect(new Set(chroma({ ...PHOTO, format: 'png' }))).toEqual(new Set(['4:4:4']));
    const keys = (source: SourceImage) =>
      planPicture(source, 'lead', [0.5, 0.5], context()).derivatives.map((derivative) => derivative.key);
    expect(keys({ ...PHOTO, format: 'png' })).not.toEqual(keys(PHOTO));
  });

  test('falls back to PNG for images with transparency', () => {
    const picture = planPicture({ ...PHOTO, hasAlpha: true }, 'avatar', [0.5, 0.5], context());
    expect(picture.fallback.url).toMatch(/-1x1-192\.[0-9a-f]{10}\.png$/);
    expect(picture.derivatives.filter((derivative) => derivative.format === 'png')).toHaveLength(1);
  });

  test('passes SVG and animated images through as they are', () => {
    const picture = planPicture({ ...PHOTO, format: 'svg', urlPath: '/logo.svg' }, 'body', [0.5, 0.5], context());
    expect(picture).toMatchObject({ sources: [], derivatives: [], fallback: { url: '/logo.svg', width: 2400 } });
  });

  test('points srcset at an image CDN and encodes nothing in service mode', () => {
    const service = { name: 'cloudflare', template: DEFAULT_IMAGES.service?.template ?? '' } as const;
    const cloudflare = planPicture(
      PHOTO,
      'card',
      [0.25, 0.75],
      context({
        service: {
          ...service,
          template: '/cdn-cgi/image/width={width},height={height},gravity={fx}x{fy},format=auto{src}',
        },
      }),
    );
    expect(cloudflare.derivatives).toEqual([]);
    expect(cloudflare.sources).toEqual([]);
    expect(cloudflare.srcset[0]).toEqual({
      url: 'https://warta.example.id/cdn-cgi/image/width=320,height=180,gravity=0.25x0.75,format=auto/warta/images/Banjir%20Rob.JPG',
      width: 320,
      height: 180,
    });
    const netlify = planPicture(
      PHOTO,
      'lead',
      [0.5, 0.5],
      context({ service: { name: 'netlify', template: '/.netlify/images?url={src}&w={width}' } }),
    );
    expect(netlify.srcset[1]?.url).toBe(
      'https://warta.example.id/.netlify/images?url=%2Fwarta%2Fimages%2FBanjir%20Rob.JPG&w=720',
    );
  });

  test('makes readable stems from any file name', () => {
    expect(createStem('/images/Foto%20Banjir_01.JPEG')).toBe('foto-banjir-01');
    expect(createStem('/a/%E2%9C%93.png')).toBe('image');
  });
});

describe('planShareImages', () => {
  test('crops 16:9, 4:3 and 1:1 at 1200 px and a 1200 × 630 Open Graph image', () => {
    const share = planShareImages(PHOTO, [0.5, 0.5], context());
    expect(share.small).toBe(false);
    expect(share.structured.map((image) => [image.width, image.height])).toEqual([
      [1200, 675],
      [1200, 900],
      [1200, 1200],
    ]);
    expect(share.openGraph).toMatchObject({
      width: 1200,
      height: 630,
      url: expect.stringMatching(/-og-1200\..*\.jpg$/),
    });
    expect(share.derivatives.map((derivative) => derivative.format)).toEqual(['jpeg', 'jpeg', 'jpeg', 'jpeg']);
  });

  test('lists a source narrower than 1200 px as it is and says it is small', () => {
    const share = planShareImages({ ...PHOTO, width: 800, height: 600 }, [0.5, 0.5], context());
    expect(share.small).toBe(true);
    expect(share.structured).toEqual([{ url: PHOTO.urlPath, width: 800, height: 600 }]);
  });
});
