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

/** Whether an attribute definition is the one for `className` (a name alone or a name with allowed values). */
function isClassName(definition: string | readonly unknown[]): boolean {
  return definition === 'className' || (Array.isArray(definition) && definition[0] === 'className');
}

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
 * - allows the markup of the theme's components (`remarkEmbeds`), value by
 *   value: their classes on `figure`, `div`, `a`, `span`, `blockquote` and
 *   `p`, `data-embed` naming the service on links and chart iframes,
 *   `data-related` (a slug) on the "read also" placeholder `p`, a
 *   component's placeholder `div` (`data-component`, `data-input`), a live
 *   blog update's `div` (`data-update`, `data-update-id`), `audio` with
 *   `controls`, `preload` and `src`, and `align-*` classes on table cells
 *   (`rehypeTableAlign`), and `rel="sponsored"` on links (`rehypeSponsoredLinks`);
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
    'audio',
  ],
  strip: [...STRIPPED_TAGS],
  attributes: {
    ...defaultAttributes,
    '*': (defaultAttributes['*'] ?? []).filter(
      (definition) => typeof definition !== 'string' || !FORM_ATTRIBUTES.includes(definition),
    ),
    img: [...(defaultAttributes['img'] ?? []), ['loading', 'lazy', 'eager']],
    iframe: [
      ...IFRAME_PROPERTIES.filter((name) => name !== 'loading'),
      ['loading', 'lazy', 'eager'],
      ['dataEmbed', 'datawrapper'],
    ],
    span: [['className', 'embed-play', 'embed-title', 'embed-brand']],
    a: [
      ...(defaultAttributes['a'] ?? []).filter((definition) => !isClassName(definition)),
      ['className', 'data-footnote-backref', 'embed-facade'],
      ['dataEmbed', 'youtube', 'vimeo', 'x', 'instagram'],
      // Paid links (`rehypeSponsoredLinks`); no other `rel` value, which a body has no say in.
      ['rel', 'sponsored'],
    ],
    figure: [['className', 'embed', 'embed-video', 'embed-social', 'embed-chart', 'embed-audio', 'gallery']],
    div: [
      ...(defaultAttributes['div'] ?? []),
      ['className', 'embed-box', 'gallery-grid', 'live-update'],
      ['dataComponent', /^[a-z]+$/],
      ['dataUpdate', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?[+-]\d\d:\d\d$/],
      ['dataUpdateId', /^update-\d{8}-\d{4}(?:\d\d)?(?:-\d+)?$/],
      ['dataInput', /^[\w-]*$/],
    ],
    blockquote: [...(defaultAttributes['blockquote'] ?? []), ['className', 'embed-post']],
    p: [['dataRelated', /^[a-z0-9]+(?:-[a-z0-9]+)*$/]],
    audio: ['src', ['controls', true], ['preload', 'none', 'metadata']],
    td: [['className', 'align-left', 'align-center', 'align-right']],
    th: [['className', 'align-left', 'align-center', 'align-right']],
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
