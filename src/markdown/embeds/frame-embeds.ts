import type { EmbedComponent, EmbedInput, ReportProblem } from './embed-input.js';
import { readInteger, readSourceUrl, requireAttribute, requireTitle } from './embed-input.js';

/** Chart services embedded as iframes, with the height their embed codes usually give. */
const CHART_SERVICES = {
  datawrapper: {
    id: /^[A-Za-z0-9]{5}$/,
    expected: 'the five-character chart id from the Datawrapper URL',
    height: 400,
  },
  flourish: {
    id: /^\d{1,12}$/,
    expected: 'the numeric visualisation id from the Flourish URL',
    height: 500,
  },
} as const;

/**
 * `::datawrapper[Chart title]{id=… height=… caption=…}` and
 * `::flourish[…]{id=…}`: the chart's iframe, as wide as the text, loaded
 * lazily. The height is the chart's own (from the embed code) or a default;
 * the theme's script follows Datawrapper's resize messages, so a chart that
 * wraps on a phone grows instead of scrolling. Props: `id`, `title`,
 * `height` and `caption` (when given).
 */
export function createChartEmbed(service: keyof typeof CHART_SERVICES) {
  const spec = CHART_SERVICES[service];
  return (input: EmbedInput, report: ReportProblem): EmbedComponent | undefined => {
    const title = requireTitle(input, report, `::${service}[Chart title]{id=…}`);
    const id = requireAttribute(input, report, 'id', spec.id, spec.expected);
    const height = readInteger(input, report, 'height', { min: 100, max: 4000, fallback: spec.height });
    if (title === undefined || id === undefined) return undefined;
    return { props: { id, title, height, caption: input.attributes['caption'] || undefined } };
  };
}

/**
 * `::audio[Caption]{src=…}`: the browser's audio player for a file on the
 * site (or an https URL), fetched only when played, with a link to the file
 * for browsers without one. Props: `src` and `caption` (the label, when given).
 */
export function createAudioEmbed(input: EmbedInput, report: ReportProblem): EmbedComponent | undefined {
  const src = readSourceUrl(input, report, 'src');
  if (src === undefined) {
    if (!input.attributes['src'])
      report('::audio needs `src`: the path of the audio file, such as /audio/wawancara.mp3');
    return undefined;
  }
  return { props: { src, caption: input.label || undefined } };
}
