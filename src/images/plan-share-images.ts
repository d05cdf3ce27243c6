import { cropAround, type FocalPoint } from './focal-crop.js';
import { createStem, type Derivative, type PlanContext, planDerivative, type Rendition } from './plan-picture.js';
import { fillServiceUrl } from './service-url.js';
import { isPassthrough, type SourceImage } from './source-image.js';

/** Width Google asks of article images for Top Stories and Discover. */
export const SHARE_WIDTH = 1200;

/** The images a lead photo gives search engines and social networks. */
export interface ShareImages {
  /** For `NewsArticle` JSON-LD: the 16:9, 4:3 and 1:1 crops, or the original when it is narrower than 1200 px. */
  readonly structured: readonly Rendition[];
  /** For Open Graph and Twitter cards: a 1200 × 630 crop (smaller when the source is). */
  readonly openGraph: Rendition;
  readonly derivatives: readonly Derivative[];
  /** The source is narrower than {@link SHARE_WIDTH}: worth a warning. */
  readonly small: boolean;
}

const CROPS: readonly { tag: string; ratio: number }[] = [
  { tag: '16x9-', ratio: 16 / 9 },
  { tag: '4x3-', ratio: 4 / 3 },
  { tag: '1x1-', ratio: 1 },
];
const OPEN_GRAPH = { tag: 'og-', ratio: 1200 / 630 };

/**
 * Plans the share images of a lead photo, every crop around its focal point,
 * in JPEG: what crawlers and link previews fetch, and what they all read. A
 * transparent image is laid on white, as the light theme shows it: a link
 * preview draws transparency on a background of its own choosing, often black
 * or a dark mode's, where dark text or a dark logo disappears.
 */
export function planShareImages(source: SourceImage, focus: FocalPoint, context: PlanContext): ShareImages {
  const small = source.width < SHARE_WIDTH;
  const original: Rendition = { url: source.urlPath, width: source.width, height: source.height };
  if (isPassthrough(source)) return { structured: [original], openGraph: original, derivatives: [], small };
  const derivatives: Derivative[] = [];
  const stem = createStem(source.urlPath);
  const render = (shape: { tag: string; ratio: number }): Rendition => {
    const crop = cropAround(source.width, source.height, shape.ratio, focus);
    const width = Math.min(SHARE_WIDTH, crop.width);
    const height = Math.max(1, Math.round((width * crop.height) / crop.width));
    const { service } = context.config;
    if (service)
      return {
        url: new URL(
          fillServiceUrl(service.template, {
            src: context.href(source.urlPath),
            url: context.absolute(source.urlPath),
            width,
            height,
            quality: context.config.encoders.jpeg.quality,
            focus,
          }),
          context.absolute('/'),
        ).href,
        width,
        height,
      };
    const derivative = planDerivative(source, crop, width, 'jpeg', shape.tag, context.config, stem);
    derivatives.push(derivative);
    return { url: derivative.urlPath, width: derivative.width, height: derivative.height };
  };
  const openGraph = render(OPEN_GRAPH);
  // A small source is listed as it is: crops of it would only be smaller still.
  const structured = small ? [original] : CROPS.map(render);
  return { structured, openGraph, derivatives, small };
}
