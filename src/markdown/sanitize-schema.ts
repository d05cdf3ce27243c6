import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * Prefix the sanitizer puts before every `id`, `name`, `aria-describedby` and
 * `aria-labelledby` value, so that article content cannot clobber page globals
 * (`<h2 id="config">` would otherwise become `window.config`). Heading ids
 * from rehype-slug and footnote ids get it too; `rehypePrefixFragmentLinks`
 * adds it to same-page links (`#results`) so they still reach their targets.
 */
export const CLOBBER_PREFIX = 'user-content-';

/** Elements removed together with everything inside them. */
const STRIPPED_TAGS: readonly string[] = [
  'script',
  'style',
  'template',
  'noscript',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'base',
  'link',
  'meta',
  'form',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'fieldset',
  'output',
  'svg',
  'math',
];

/** Global attributes of `defaultSchema` that only make sense on forms. */
const FORM_ATTRIBUTES: readonly string[] = ['accept', 'acceptCharset', 'action', 'encType', 'method'];

/** `picture`/`source` carry `srcset`, whose URLs the sanitizer cannot check; unwrapping keeps the fallback `<img>`. */
const DROPPED_TAGS: readonly string[] = ['picture', 'source'];

const defaultAttributes = defaultSchema.attributes ?? {};

/** Properties every allowed iframe keeps (what `rehypeEmbedAllowlist` lets through; hosts may add their own). */
export const IFRAME_PROPERTIES: readonly string[] = Object.freeze([
  'src',
  'title',
  'allow',
  'allowFullScreen',
  'frameBorder',
  'loading',
  'referrerPolicy',
  'sandbox',
]);

/**
 * The rehype-sanitize schema for article bodies (and any other author
 * Markdown). It starts from `defaultSchema` (GitHub's policy) and:
 *
 * - removes `script`, `style`, `object`, `embed`, forms and their controls,
 *   `svg` and `math` with their content (other unknown elements are unwrapped);
 * - allows no `on*` handler, `style` or `srcset` attribute, and no form attributes;
 * - allows only `http`, `https`, `mailto`, `tel` or relative URLs in `href`,
 *   and `http`, `https` or relative ones in `src`, `cite` and `longdesc`
 *   (protocols compare case-sensitively after HTML decoding, so
 *   `JaVaScRiPt:`, `&#106;avascript:` and ` javascript:` are all dropped);
 * - keeps `figure`, `figcaption`, tables with `align`, `details`/`summary`,
 *   `img` with `alt`, `title`, `width`, `height`, `loading`;
 * - keeps `iframe` with `src`, `title`, `width`, `height`, `allow`,
 *   `allowfullscreen`, `loading`, `referrerpolicy`, `frameborder`, `sandbox`;
 *   which iframes survive, and which `allow` features, is decided earlier by
 *   `rehypeEmbedAllowlist`;
 * - prefixes ids and names with `CLOBBER_PREFIX`.
 *
 * See docs/sanitizer.md for the reasoning.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !DROPPED_TAGS.includes(name)),
    'figure',
    'figcaption',
    'iframe',
  ],
  strip: [...STRIPPED_TAGS],
  attributes: {
    ...defaultAttributes,
    '*': (defaultAttributes['*'] ?? []).filter(
      (definition) => typeof definition !== 'string' || !FORM_ATTRIBUTES.includes(definition),
    ),
    img: [...(defaultAttributes['img'] ?? []), ['loading', 'lazy', 'eager']],
    iframe: IFRAME_PROPERTIES.map((name) => (name === 'loading' ? ['loading', 'lazy', 'eager'] : name)),
  },
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto', 'tel'],
    longDesc: ['http', 'https'],
    src: ['http', 'https'],
  },
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  clobberPrefix: CLOBBER_PREFIX,
};
