import { readComponentInput } from '../markdown/embeds/component-placeholder.js';
import { EMBED_BUILDERS } from '../markdown/embeds/embed-builders.js';
import type { RenderComponent } from '../markdown/expand-components.js';
import type { ImageView } from './view-model.js';

/** Components whose facade shows a poster picture, which can stand in for the lead image. */
const VIDEO_COMPONENTS: ReadonlySet<string> = new Set(['youtube', 'vimeo']);

/** A component placeholder (see `createComponentPlaceholder`) at the very start of a body. */
const LEADING_PLACEHOLDER =
  /^<div data-component="([a-z]+)" data-input="([\w-]*)">(?:<img(?: [\w-]+(?:="[^"]*")?)*>)*<\/div>\n?/;

/** A body split into the video facade that opens it and the rest. */
export interface LeadVideo {
  readonly name: string;
  readonly props: Readonly<Record<string, unknown>>;
  /** The body without the facade's placeholder. */
  readonly rest: string;
}

/**
 * The video facade a body opens with when its poster is the article's lead
 * image (`image:` and `poster=` name the same file): the page then shows the
 * facade in the lead's place rather than the same photo twice, one under the
 * other.
 */
export function findLeadVideo(html: string, leadSrc: string | undefined): LeadVideo | undefined {
  const match = leadSrc === undefined ? null : LEADING_PLACEHOLDER.exec(html);
  const [placeholder, name = '', encoded = ''] = match ?? [];
  if (placeholder === undefined || !VIDEO_COMPONENTS.has(name)) return undefined;
  const input = readComponentInput(name, encoded);
  const component = input && EMBED_BUILDERS[name]?.(input, ignoreProblem);
  if (!component || component.props['poster'] !== leadSrc) return undefined;
  return { name, props: component.props, rest: html.slice(placeholder.length) };
}

/**
 * The theme's facade for a lead video, its poster the lead image's picture
 * (fetched first, decorative: the link names the video) and its caption the
 * facade's own or else the photo's, with the photo's credit.
 */
export function renderLeadVideo(video: LeadVideo, image: ImageView, render: RenderComponent): string {
  const caption = typeof video.props['caption'] === 'string' ? video.props['caption'] : image.caption;
  return render(video.name, {
    ...video.props,
    caption,
    credit: image.credit,
    lead: true,
    posterImage: { ...image, alt: '' },
  });
}

/** The Markdown stage reported every problem at its place; a bad placeholder here is just not a lead. */
function ignoreProblem(): void {}
