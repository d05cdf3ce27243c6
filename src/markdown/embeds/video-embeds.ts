import { h } from 'hastscript';
import type { EmbedBuilder, EmbedInput, ReportProblem } from './embed-input.js';
import { readSourceUrl, requireAttribute, requireTitle } from './embed-input.js';

/** The video services with a facade, and how a video's public page is addressed. */
const VIDEO_SERVICES = {
  youtube: {
    brand: 'YouTube',
    id: /^[\w-]{11}$/,
    expected: 'the 11-character video id from the YouTube URL (watch?v=…)',
    page: (id: string) => `https://www.youtube.com/watch?v=${id}`,
  },
  vimeo: {
    brand: 'Vimeo',
    id: /^\d{5,12}$/,
    expected: 'the numeric video id from the Vimeo URL',
    page: (id: string) => `https://vimeo.com/${id}`,
  },
} as const;

/**
 * `::youtube[Title]{id=… poster=… caption=…}` and `::vimeo[…]{id=…}`: a
 * facade, not a player. The page shows a link to the video (with `poster` as
 * its picture, or a dark frame) and a play button; the theme's script swaps
 * in the third-party player when the reader clicks, so nothing is loaded
 * from the video service before that. Without JavaScript the link opens the
 * video's page.
 */
export function createVideoEmbed(service: keyof typeof VIDEO_SERVICES): EmbedBuilder {
  const spec = VIDEO_SERVICES[service];
  return (input: EmbedInput, report: ReportProblem) => {
    const title = requireTitle(input, report, `::${service}[Video title]{id=…}`);
    const id = requireAttribute(input, report, 'id', spec.id, spec.expected);
    const poster = readSourceUrl(input, report, 'poster');
    if (title === undefined || id === undefined) return undefined;
    const caption = input.attributes['caption'];
    return h('figure', { className: ['embed', 'embed-video'] }, [
      h('div', { className: ['embed-box'] }, [
        h('a', { className: ['embed-facade'], href: spec.page(id), dataEmbed: service }, [
          poster ? h('img', { src: poster, alt: '', loading: 'lazy' }) : undefined,
          h('span', { className: ['embed-play'] }),
          h('span', { className: ['embed-title'] }, title),
          ' ',
          h('span', { className: ['embed-brand'] }, spec.brand),
        ]),
      ]),
      caption ? h('figcaption', caption) : undefined,
    ]);
  };
}
