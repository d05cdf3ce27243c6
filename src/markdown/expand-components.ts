import {
  COMPONENT_PLACEHOLDER,
  COMPONENT_PLACEHOLDER_START,
  readComponentInput,
} from './embeds/component-placeholder.js';
import { EMBED_BUILDERS } from './embeds/embed-builders.js';

/** Renders a checked component with the theme's partial `partials/embeds/<name>.hbs`. */
export type RenderComponent = (name: string, props: Readonly<Record<string, unknown>>) => string;

/**
 * A body's HTML with each component placeholder (see
 * `createComponentPlaceholder`) replaced by the theme's markup for it. The
 * directive is checked again, as the Markdown stage did, so the partial only
 * ever sees ids, URLs and numbers of the expected shape (and escapes every
 * value); a placeholder that fails the checks, which only raw HTML imitating
 * one can make, renders as nothing. Without `render` (a body shown outside
 * the theme) placeholders are removed.
 */
export function expandComponents(html: string, render: RenderComponent | undefined): string {
  if (!html.includes(COMPONENT_PLACEHOLDER_START)) return html;
  return html.replace(COMPONENT_PLACEHOLDER, (_placeholder, name: string, encoded: string) => {
    const input = render && readComponentInput(name, encoded);
    const build = Object.hasOwn(EMBED_BUILDERS, name) ? EMBED_BUILDERS[name] : undefined;
    const component = input && build?.(input, ignoreProblem);
    return component && render ? render(name, component.props) : '';
  });
}

/** The Markdown stage reported every problem at its place; here a bad placeholder just renders nothing. */
function ignoreProblem(): void {}
