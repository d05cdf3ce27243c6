import type { EmbedComponent, EmbedInput, ReportProblem } from './embed-input.js';
import { requireAttribute } from './embed-input.js';

/**
 * The placeholder `::related` leaves in the HTML for the build to fill with
 * the article's link (`<p data-related="slug"></p>`, as the sanitizer lets it
 * through); the slug is the first group.
 */
export const READ_ALSO_PLACEHOLDER = /<p data-related="([a-z0-9-]+)"><\/p>\n?/g;

/** HTML without its `::related` placeholders, for places that show a body without resolving them (feeds). */
export function removeReadAlsoPlaceholders(html: string): string {
  return html.includes('<p data-related="') ? html.replace(READ_ALSO_PLACEHOLDER, '') : html;
}

/**
 * `::related{slug=…}`: an inline "read also" link to another article of the
 * site. The Markdown stage does not know the site, so it leaves a
 * placeholder paragraph carrying the slug (`props.slug`); the build resolves
 * it to the article's title and URL (and reports a slug no article has), and
 * the theme's `partials/embeds/related.hbs` prints the link.
 */
export function createRelatedLink(input: EmbedInput, report: ReportProblem): EmbedComponent | undefined {
  const slug = requireAttribute(
    input,
    report,
    'slug',
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "another article's slug, such as harga-cabai-turun",
  );
  return slug === undefined ? undefined : { props: { slug } };
}
