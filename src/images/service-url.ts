import type { FocalPoint } from './focal-crop.js';

/** The values a CDN URL template is filled with. */
export interface ServiceValues {
  /** Root-relative URL of the original, base path included. */
  readonly src: string;
  /** Absolute URL of the original. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly quality: number;
  readonly focus: FocalPoint;
}

/**
 * Fills a CDN URL template: `{src}`, `{url}`, `{width}`, `{height}`,
 * `{quality}`, `{fx}`, `{fy}`. A placeholder after the template's `?` is
 * URI-component encoded (it is a query value there); before it, the URL is
 * kept as a path, already encoded by the site.
 */
export function fillServiceUrl(template: string, values: ServiceValues): string {
  const queryStart = template.indexOf('?');
  const text: Record<string, string> = {
    src: values.src,
    url: values.url,
    width: String(values.width),
    height: String(values.height),
    quality: String(values.quality),
    fx: formatFraction(values.focus[0]),
    fy: formatFraction(values.focus[1]),
  };
  return template.replace(/\{(src|url|width|height|quality|fx|fy)\}/g, (match, name: string, offset: number) => {
    const value = text[name] ?? match;
    return queryStart !== -1 && offset > queryStart ? encodeURIComponent(value) : value;
  });
}

/** A focal coordinate with at most three decimals and no trailing zeros (`0.5`, `0.333`). */
function formatFraction(value: number): string {
  return String(Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000);
}
