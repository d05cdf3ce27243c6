import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { Image } from './article.js';
import { describeValue, type FieldContext, readText, reportField } from './field-checks.js';
import type { FrontMatter } from './front-matter.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in image paths.
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\\]/;

/**
 * Reads `image` (a path or URL, or `{ src, alt, caption, credit, focus,
 * width, height }`) and the top-level `caption`. A path is site-relative
 * (`/images/x.jpg`, from the static folder) or relative to the article's
 * folder (`foto-1.jpg` beside a page bundle's `index.md`).
 */
export function readImage(context: FieldContext, value: unknown, caption: unknown): Image | undefined {
  const topCaption = readText(context, 'caption', caption);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string')
    return checkImageSource(context, ['image'], value.trim())
      ? {
          src: value.trim(),
          alt: topCaption ?? '',
          caption: topCaption,
          credit: undefined,
          place: context.frontMatter.locate(['image']),
        }
      : undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    reportField(
      context,
      ['image'],
      `Unexpected ${describeValue(value)} for \`image\`, expected a path, a URL or a mapping with \`src\``,
      'front-matter-image',
    );
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  const src = fields['src'];
  if (typeof src !== 'string' || !src.trim()) {
    reportField(
      context,
      ['image', 'src'],
      'Missing `image.src`, expected the path or URL of the image',
      'front-matter-image',
    );
    return undefined;
  }
  if (!checkImageSource(context, ['image', 'src'], src.trim())) return undefined;
  const text = (key: string): string | undefined => {
    const item = fields[key];
    if (item === undefined || item === null) return undefined;
    if (typeof item === 'string' || typeof item === 'number') return String(item).trim() || undefined;
    reportField(
      context,
      ['image', key],
      `Unexpected ${describeValue(item)} for \`image.${key}\`, expected text`,
      'front-matter-image',
    );
    return undefined;
  };
  const imageCaption = text('caption') ?? topCaption;
  const place: Place | undefined = context.frontMatter.locate(['image', 'src']);
  const focus = readFocus(context, fields['focus']);
  const width = readPixels(context, 'width', fields['width']);
  const height = readPixels(context, 'height', fields['height']);
  return {
    src: src.trim(),
    alt: text('alt') ?? imageCaption ?? '',
    caption: imageCaption,
    credit: text('credit'),
    place,
    ...(focus === undefined ? {} : { focus }),
    ...(width === undefined || height === undefined ? {} : { width, height }),
  };
}

/** `focus: [x, y]` with both from 0 to 1, or `auto` for sharp's attention strategy. */
function readFocus(context: FieldContext, value: unknown): Image['focus'] {
  if (value === undefined || value === null) return undefined;
  if (value === 'auto') return 'auto';
  if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n >= 0 && n <= 1))
    return [value[0] as number, value[1] as number];
  reportField(
    context,
    ['image', 'focus'],
    `Unexpected ${describeValue(value)} for \`image.focus\`, expected [x, y] with both from 0 to 1 (such as [0.5, 0.3]) or auto`,
    'front-matter-image',
  );
  return undefined;
}

/** `image.width`/`image.height` of a remote image: whole pixels. */
function readPixels(context: FieldContext, key: 'width' | 'height', value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  reportField(
    context,
    ['image', key],
    `Unexpected ${describeValue(value)} for \`image.${key}\`, expected a whole number of pixels`,
    'front-matter-image',
  );
  return undefined;
}

/** Image sources are site paths, paths relative to the article, or http(s) URLs; nothing that runs script. */
function checkImageSource(context: FieldContext, path: readonly (string | number)[], src: string): boolean {
  if (/^https?:\/\//i.test(src) || (/^[^:]*$/.test(src) && !src.startsWith('//') && !CONTROL_OR_BACKSLASH.test(src)))
    return true;
  reportField(
    context,
    path,
    `Unexpected image source "${src}", expected a site path such as /images/x.jpg or an https URL`,
    'front-matter-image',
  );
  return false;
}

/**
 * A warning for a lead image left without alternative text: no `image.alt`
 * and no caption to stand for it, so the picture would be published as
 * decoration (`alt=""`). `alt: ""` written out says so on purpose and passes.
 */
export function checkLeadImageAlt(
  file: string,
  frontMatter: Pick<FrontMatter, 'data' | 'locate'>,
  image: Image | undefined,
): Diagnostic[] {
  if (image?.alt !== '') return [];
  const written = frontMatter.data['image'];
  if (written && typeof written === 'object' && (written as Record<string, unknown>)['alt'] === '') return [];
  return [
    createDiagnostic({
      file,
      place: image.place,
      severity: 'warning',
      reason: `Unexpected lead image ${image.src} without alternative text, expected \`image.alt\` describing what it shows`,
      ruleId: 'image-alt-missing',
      hint: 'Write `image: { src: …, alt: "Warga mengungsi dengan perahu karet" }` (a `caption` stands in when there is no alt); `alt: ""` marks a purely decorative image.',
    }),
  ];
}
