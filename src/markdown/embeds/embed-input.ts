import { normalizeUri } from 'micromark-util-sanitize-uri';

/** A Markdown image inside a component (a gallery's photos), as written. */
export interface EmbedImage {
  readonly src: string;
  readonly alt: string;
  /** The image's title (`![alt](src "title")`), its caption in a gallery. */
  readonly title?: string;
}

/** A directive as an embed builder sees it: name, attributes, the label's plain text and the images inside. */
export interface EmbedInput {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Plain text of the `[label]`, trimmed; empty without one. */
  readonly label: string;
  /** The images a container directive holds (`:::gallery`); none for a leaf. */
  readonly images?: readonly EmbedImage[];
}

/**
 * A component checked and ready for the theme: `props` is what its partial
 * (`partials/embeds/<name>.hbs`) receives; `images` are the pictures it
 * shows, which the Markdown stage lists for the image stage.
 */
export interface EmbedComponent {
  readonly props: Readonly<Record<string, unknown>>;
  readonly images?: readonly { readonly src: string; readonly alt: string }[];
}

/** Reports a problem with the directive being built (at the directive's place). */
export type ReportProblem = (reason: string, hint?: string) => void;

/** Checks one directive and gives its component, or reports why it cannot and gives undefined. */
export type EmbedBuilder = (input: EmbedInput, report: ReportProblem) => EmbedComponent | undefined;

/** The label, or a report that the embed needs one (iframes and players need a title for screen readers). */
export function requireTitle(input: EmbedInput, report: ReportProblem, example: string): string | undefined {
  if (input.label !== '') return input.label;
  report(`::${input.name} needs a title in brackets, for screen readers`, `Write it as ${example}`);
  return undefined;
}

/** An attribute that must be present and match `pattern`, else a report naming what is expected. */
export function requireAttribute(
  input: EmbedInput,
  report: ReportProblem,
  name: string,
  pattern: RegExp,
  expected: string,
): string | undefined {
  const value = input.attributes[name];
  if (value === undefined || value === '') {
    report(`::${input.name} needs \`${name}\`: ${expected}`);
    return undefined;
  }
  if (!pattern.test(value)) {
    report(`Unexpected ${name} "${value}" in ::${input.name}, expected ${expected}`);
    return undefined;
  }
  return value;
}

/**
 * A URL attribute for `src`/`poster`: a site path (`/audio/x.mp3`) or an
 * `https:` URL, normalised like Markdown link destinations. Anything else
 * (another scheme, a relative path, a protocol-relative `//host`) is reported.
 */
export function readSourceUrl(input: EmbedInput, report: ReportProblem, name: string): string | undefined {
  const value = input.attributes[name]?.trim();
  if (value === undefined || value === '') return undefined;
  if ((value.startsWith('/') && !value.startsWith('//')) || /^https:\/\/[^/]/i.test(value)) return normalizeUri(value);
  report(`Unexpected ${name} "${value}" in ::${input.name}, expected a path such as /media/file or an https:// URL`);
  return undefined;
}

/** A whole number attribute within bounds, or `fallback` when absent; out-of-range values are reported. */
export function readInteger(
  input: EmbedInput,
  report: ReportProblem,
  name: string,
  bounds: { min: number; max: number; fallback: number },
): number {
  const value = input.attributes[name];
  if (value === undefined || value === '') return bounds.fallback;
  const number = Number(value);
  if (Number.isInteger(number) && number >= bounds.min && number <= bounds.max) return number;
  report(
    `Unexpected ${name} "${value}" in ::${input.name}, expected a whole number from ${bounds.min} to ${bounds.max}`,
  );
  return bounds.fallback;
}

/** Normalises a URL like a Markdown image or link destination (spaces and non-ASCII percent-encoded). */
export function normalizeUrl(url: string): string {
  return normalizeUri(url);
}
