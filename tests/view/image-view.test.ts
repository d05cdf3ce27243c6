import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMapBodies } from '../../src/bodies/article-bodies.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createImageCatalog } from '../../src/images/image-catalog.js';
import { DEFAULT_IMAGES } from '../../src/images/images-config.js';
import type { SourceImage } from '../../src/images/source-image.js';
import { createImageView, createViewContext } from '../../src/view/view-context.js';
import { parseConfigText } from '../helpers/parse-config-text.js';

const ROOT = path.resolve('/nonexistent/newsgen-image-view');
const loaded = parseConfigText('{ "baseUrl": "https://warta.example.id/warta/" }', 'newsgen.config.json', undefined);
const { config } = await resolveConfig(ROOT, loaded, {}, new Date('2026-11-20T00:00:00Z'));
const folders = { contentDir: config.contentDir, staticDir: config.staticDir };
const PHOTO: SourceImage = {
  urlPath: '/nasional/banjir/foto-1.jpg',
  hash: 'e'.repeat(40),
  width: 2400,
  height: 1600,
  format: 'jpeg',
  hasAlpha: false,
  animated: false,
  hasLocation: false,
  attention: [0.5, 0.2],
};

function context(images: typeof DEFAULT_IMAGES | false) {
  const catalog = createImageCatalog({
    config: images,
    folders,
    sources: new Map([[path.join(config.contentDir, 'nasional', 'banjir', 'foto-1.jpg'), PHOTO]]),
    href: (urlPath) => `/warta${urlPath}`,
    absolute: (urlPath) => `https://warta.example.id/warta${urlPath}`,
  });
  return createViewContext({
    config,
    strings: {},
    lang: 'id',
    formatDate: () => '',
    images: catalog,
    bodies: createMapBodies(new Map()),
  });
}

const lead = { src: 'foto-1.jpg', alt: 'Banjir', caption: undefined, credit: undefined, focus: 'auto' as const };

describe('image views', () => {
  test('carry the responsive picture of a page bundle image, with share crops for the lead', () => {
    const view = createImageView(context(DEFAULT_IMAGES), lead, 'lead', 'nasional/banjir/index.md');
    // The 3:2 photo's lead is cropped to 16:9 (the default `leadRatio`), as its card is.
    expect(view).toMatchObject({ width: 1600, height: 900, sizes: DEFAULT_IMAGES.sizes.lead });
    expect(view.src).toMatch(/^\/warta\/_images\/foto-1-16x9-960\.[0-9a-f]{10}\.jpg$/);
    expect(view.sources?.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(view.share?.structured.map((image) => [image.width, image.height])).toEqual([
      [1200, 675],
      [1200, 900],
      [1200, 1200],
    ]);
    expect(view.share?.openGraph.url).toMatch(/^https:\/\/warta\.example\.id\/warta\/_images\/foto-1-og-1200\./);
  });

  test('crop cards to 16:9 and give no share crops outside the lead', () => {
    const card = createImageView(context(DEFAULT_IMAGES), lead, 'card', 'nasional/banjir/index.md');
    expect([card.width, card.height]).toEqual([960, 540]);
    expect(card.share).toBeUndefined();
  });

  test('link a page bundle original, and a remote image with its front matter size, when the pipeline is off', () => {
    const off = context(false);
    const bundled = createImageView(off, lead, 'lead', 'nasional/banjir/index.md');
    expect(bundled.sources).toBeUndefined();
    expect(bundled).toMatchObject({
      src: '/warta/nasional/banjir/foto-1.jpg',
      absoluteUrl: 'https://warta.example.id/warta/nasional/banjir/foto-1.jpg',
    });
    const remote = { ...lead, src: 'https://cdn.example/a.jpg', width: 1600, height: 900 };
    expect(createImageView(off, remote, 'lead', 'a.md')).toMatchObject({ src: remote.src, width: 1600, height: 900 });
  });
});
