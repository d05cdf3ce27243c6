import type { EmbedBuilder } from './embed-input.js';
import { createAudioEmbed, createChartEmbed } from './frame-embeds.js';
import { createGalleryEmbed } from './gallery-embed.js';
import { createSocialEmbed } from './social-embeds.js';
import { createVideoEmbed } from './video-embeds.js';

/**
 * Every component by its name, which is also its partial's
 * (`partials/embeds/<name>.hbs`). The same checks run in the Markdown stage,
 * which reports problems at the directive, and again when the theme renders
 * the placeholder, so a placeholder written as raw HTML gets no further.
 * (`::related` is not here: its placeholder is resolved by the build, which
 * knows the site's articles; see `createRelatedLink`.)
 */
export const EMBED_BUILDERS: Readonly<Record<string, EmbedBuilder>> = {
  youtube: createVideoEmbed('youtube'),
  vimeo: createVideoEmbed('vimeo'),
  x: createSocialEmbed('x'),
  instagram: createSocialEmbed('instagram'),
  datawrapper: createChartEmbed('datawrapper'),
  flourish: createChartEmbed('flourish'),
  audio: createAudioEmbed,
  gallery: createGalleryEmbed,
};

/** Other names editors may use for a component. */
export const EMBED_ALIASES: Readonly<Record<string, string>> = { twitter: 'x' };

/** The components written as containers (`:::name … :::`); the others are leaves (`::name{…}`). */
export const CONTAINER_EMBEDS: ReadonlySet<string> = new Set(['gallery']);
