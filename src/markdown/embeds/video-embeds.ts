import type { EmbedBuilder, EmbedInput, ReportProblem } from './embed-input.js';
import { readSourceUrl, requireAttribute, requireTitle } from './embed-input.js';

/** The video services with a facade, and what their ids look like. */
const VIDEO_SERVICES = {
  youtube: {
    brand: 'YouTube',
    id: /^[\w-]{11}$/,
    expected: 'the 11-character video id from the YouTube URL (watch?v=…)',
  },
  vimeo: {
    brand: 'Vimeo',
    id: /^\d{5,12}$/,
    expected: 'the numeric video id from the Vimeo URL',
  },
} as const;

/**
 * `::youtube[Title]{id=… poster=… caption=…}` and `::vimeo[…]{id=…}`: a
 * facade, not a player. The theme's partial shows a link to the video's page
 * (with `poster` as its picture, or a dark frame) and a play button; the
 * theme's script swaps in the third-party player when the reader clicks, so
 * nothing is loaded from the video service before that. Props: `id`,
 * `title`, `poster` and `caption` (the last two when given).
 */
export function createVideoEmbed(service: keyof typeof VIDEO_SERVICES): EmbedBuilder {
  const spec = VIDEO_SERVICES[service];
  return (input: EmbedInput, report: ReportProblem) => {
    const title = requireTitle(input, report, `::${service}[Video title]{id=…}`);
    const id = requireAttribute(input, report, 'id', spec.id, spec.expected);
    const poster = readSourceUrl(input, report, 'poster');
    if (title === undefined || id === undefined) return undefined;
    return {
      props: { id, title, poster, caption: input.attributes['caption'] || undefined },
      images: poster === undefined ? [] : [{ src: poster, alt: '' }],
    };
  };
}
