import { describe, expect, it } from 'vitest';
import { findLeadVideo, renderLeadVideo } from '../../src/view/lead-video.js';
import type { ImageView } from '../../src/view/view-model.js';

/** A component placeholder as the Markdown stage writes it (see `createComponentPlaceholder`). */
function placeholder(name: string, label: string, attributes: Record<string, string>): string {
  const images = attributes['poster'] ? [{ src: attributes['poster'], alt: '' }] : [];
  const input = Buffer.from(JSON.stringify({ label, attributes, images })).toString('base64url');
  const imgs = images.map((image) => `<img src="${image.src}" alt="">`).join('');
  return `<div data-component="${name}" data-input="${input}">${imgs}</div>`;
}

const FACADE = placeholder('youtube', 'Uji coba bus listrik', {
  id: 'pH7sNw4cJ0e',
  poster: '/images/bus.jpg',
  caption: 'Video: perjalanan uji coba.',
});
const REST = '\n<p><span class="dateline">Jakarta:</span> Bus listrik mulai diuji.</p>';

const LEAD: ImageView = {
  src: '/_images/bus-960.jpg',
  absoluteUrl: 'https://uji.example/_images/bus-960.jpg',
  alt: 'Bus listrik di halte bandara',
  caption: 'Bus listrik di halte.',
  credit: 'Rani',
  width: 1200,
  height: 675,
};

describe('a video facade standing in for the lead image', () => {
  it('is the facade a body opens with when its poster is the lead image, and the body keeps the rest', () => {
    const video = findLeadVideo(FACADE + REST, '/images/bus.jpg');
    expect(video?.name).toBe('youtube');
    expect(video?.props).toMatchObject({ id: 'pH7sNw4cJ0e', poster: '/images/bus.jpg' });
    expect(video?.rest).toBe(REST.slice(1));
  });

  it('is nothing when the poster is another image, the article has no lead image or the facade is not first', () => {
    expect(findLeadVideo(FACADE + REST, '/images/lain.jpg')).toBeUndefined();
    expect(findLeadVideo(FACADE + REST, undefined)).toBeUndefined();
    expect(findLeadVideo(REST + FACADE, '/images/bus.jpg')).toBeUndefined();
    const withoutPoster = placeholder('youtube', 'Uji coba', { id: 'pH7sNw4cJ0e' });
    expect(findLeadVideo(withoutPoster + REST, '/images/bus.jpg')).toBeUndefined();
  });

  it('is nothing for components that are not videos or placeholders that fail the checks', () => {
    const audio = placeholder('audio', 'Laporan', { src: '/images/bus.jpg' });
    expect(findLeadVideo(audio + REST, '/images/bus.jpg')).toBeUndefined();
    const badId = placeholder('youtube', 'Uji coba', { id: 'pendek', poster: '/images/bus.jpg' });
    expect(findLeadVideo(badId + REST, '/images/bus.jpg')).toBeUndefined();
  });

  it('renders with the lead picture as a decorative poster, the facade caption and the photo credit', () => {
    const video = findLeadVideo(FACADE + REST, '/images/bus.jpg');
    if (!video) throw new Error('expected a lead video');
    const calls: [string, Readonly<Record<string, unknown>>][] = [];
    const html = renderLeadVideo(video, LEAD, (name, props) => {
      calls.push([name, props]);
      return `<figure>${name}</figure>`;
    });
    expect(html).toBe('<figure>youtube</figure>');
    expect(calls[0]?.[1]).toMatchObject({
      id: 'pH7sNw4cJ0e',
      lead: true,
      caption: 'Video: perjalanan uji coba.',
      credit: 'Rani',
      posterImage: { src: '/_images/bus-960.jpg', alt: '' },
    });
  });

  it("takes the photo's caption when the facade has none", () => {
    const bare = placeholder('vimeo', 'Wawancara', { id: '76979871', poster: '/images/bus.jpg' });
    const video = findLeadVideo(bare, '/images/bus.jpg');
    if (!video) throw new Error('expected a lead video');
    let caption: unknown;
    renderLeadVideo(video, LEAD, (_name, props) => {
      caption = props['caption'];
      return '';
    });
    expect(caption).toBe('Bus listrik di halte.');
  });
});
