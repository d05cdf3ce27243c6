import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Node, Root } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { createComponentPlaceholder } from './embeds/component-placeholder.js';
import { CONTAINER_EMBEDS, EMBED_ALIASES, EMBED_BUILDERS } from './embeds/embed-builders.js';
import type { EmbedBuilder, EmbedInput } from './embeds/embed-input.js';
import { readGalleryInput } from './embeds/gallery-embed.js';
import { createRelatedLink } from './embeds/related-link.js';

/** Key in `file.data` under which `remarkEmbeds` lists the `::related` links: `{ slug, place }` in order. */
export const RELATED_DATA_KEY = 'relatedLinks';

/** A `::related` link found in a body. */
export interface RelatedLinkRef {
  readonly slug: string;
  readonly place: { readonly line: number; readonly column: number } | undefined;
}

/** Rule ids of the problems an embed can have (permanent: they appear in diagnostics). */
export const EMBED_RULES = { unknown: 'embed-unknown', invalid: 'embed-invalid' } as const;

/** A rule id of {@link EMBED_RULES}. */
export type EmbedRule = (typeof EMBED_RULES)[keyof typeof EMBED_RULES];

/** Whether a vfile message's rule id is one `remarkEmbeds` reports. */
export function isEmbedRule(ruleId: string | undefined): ruleId is EmbedRule {
  return ruleId === EMBED_RULES.unknown || ruleId === EMBED_RULES.invalid;
}

/** The leaf components, by name. */
const LEAF_EMBEDS: Readonly<Record<string, EmbedBuilder>> = {
  ...Object.fromEntries(Object.entries(EMBED_BUILDERS).filter(([name]) => !CONTAINER_EMBEDS.has(name))),
  related: createRelatedLink,
};

const UNREADABLE_HINT =
  'Write it as ::name[Title]{key=value}, on a line of its own, and put quotes around values with spaces, "=" or "?" ({url="https://…?a=1"})';

/** The names editors can use, for the message about an unknown one. */
const KNOWN = [...Object.keys(LEAF_EMBEDS), ...CONTAINER_EMBEDS];

/**
 * A remark plugin that turns block directives into the theme's components:
 * `::youtube`, `::vimeo`, `::x`, `::instagram`, `::datawrapper`,
 * `::flourish`, `::audio`, `::related` and `:::gallery`. Each is checked
 * here and becomes a placeholder (set as the node's `hName`/`hProperties`/
 * `hChildren`, then checked by the sanitizer like any other element) that
 * the theme's partial replaces when a page is rendered (`expandComponents`);
 * no script goes into a body.
 * Problems (a missing title, an id of the wrong shape) are messages on the
 * file at the directive's place, with a rule id from {@link EMBED_RULES};
 * the directive itself then renders as nothing. A directive of another name
 * is left in the tree for the plugins' remark steps (a plugin's `:::pullquote`);
 * `remarkUnknownComponents`, after them, reports the ones none of them took.
 * The `::related` links are listed in `file.data[RELATED_DATA_KEY]`.
 */
export function remarkEmbeds() {
  return function renderEmbeds(tree: Root, file: VFile): undefined {
    const related: RelatedLinkRef[] = [];
    file.data[RELATED_DATA_KEY] = related;
    const report = (at: Node, ruleId: string, reason: string, hint?: string) => {
      const message = file.message(reason, { place: at.position?.start, ruleId, source: 'newsgen' });
      if (hint) message.note = hint;
    };
    visit(tree, (node, index, parent) => {
      if (node.type === 'paragraph') {
        const first = node.children[0];
        // `::name…` that did not parse as a directive: usually an unquoted value with `=`, `?` or spaces.
        if (first?.type === 'text' && first.position?.start.column === 1 && /^::\w/.test(first.value))
          report(node, EMBED_RULES.invalid, 'Could not read this component', UNREADABLE_HINT);
        return SKIP;
      }
      if (node.type !== 'leafDirective' && node.type !== 'containerDirective') return undefined;
      // Not one of newsgen's: a plugin's to take, its content still read for components.
      if (!isComponent(node)) return undefined;
      const element = buildEmbed(node, report);
      const slug = element?.properties['dataRelated'];
      const start = node.position?.start;
      if (typeof slug === 'string') related.push({ slug, place: start && { line: start.line, column: start.column } });
      if (element) {
        node.data = { hName: element.tagName, hProperties: element.properties, hChildren: element.children };
        return SKIP;
      }
      if (parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return SKIP;
    });
  };
}

function buildEmbed(
  node: LeafDirective | ContainerDirective,
  report: (at: Node, ruleId: string, reason: string, hint?: string) => void,
): Element | undefined {
  const input = readInput(node, report);
  if (!input) return undefined;
  const build = input.name === 'related' ? createRelatedLink : EMBED_BUILDERS[input.name];
  const component = build?.(input, (reason, hint) => report(node, EMBED_RULES.invalid, reason, hint));
  if (!component) return undefined;
  if (input.name === 'related') return h('p', { dataRelated: String(component.props['slug']) });
  const placeholder = createComponentPlaceholder(input, component);
  // The image stage reports a missing picture at its place (a gallery's photo at its line), and the
  // alt check reads what the place shows: `![](…)` written there.
  const written = node.type === 'containerDirective' ? imagesInside(node) : [];
  placeholder.children.forEach((child, at) => {
    const position = written.length === placeholder.children.length ? written[at]?.position : node.position;
    if (position) child.position = position;
  });
  return placeholder;
}

/** The Markdown images of a container, in order (a gallery's photos). */
function imagesInside(node: ContainerDirective): Node[] {
  return node.children
    .flatMap((child): readonly Node[] => (child.type === 'paragraph' ? child.children : [child]))
    .filter((child) => child.type === 'image');
}

/** The directive as its builder reads it, or a report that no component has its name and form. */
function readInput(
  node: LeafDirective | ContainerDirective,
  report: (at: Node, ruleId: string, reason: string, hint?: string) => void,
): EmbedInput | undefined {
  const name = componentName(node);
  if (node.type === 'containerDirective')
    return readGalleryInput(node, (at, reason, hint) => report(at, EMBED_RULES.invalid, reason, hint));
  return {
    name,
    attributes: Object.fromEntries(
      Object.entries(node.attributes ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    label: mdastToString(node).trim(),
  };
}

/** The component a directive names, aliases resolved (`twitter` is `x`). */
function componentName(node: LeafDirective | ContainerDirective): string {
  const written = node.name.toLowerCase();
  return EMBED_ALIASES[written] ?? written;
}

/** Whether a directive is one of the theme's components, in its form (a gallery is a container, the rest leaves). */
function isComponent(node: LeafDirective | ContainerDirective): boolean {
  const name = componentName(node);
  return node.type === 'containerDirective' ? CONTAINER_EMBEDS.has(name) : Object.hasOwn(LEAF_EMBEDS, name);
}

/**
 * Runs after the plugins' remark steps: a block directive that is not a
 * component and that no plugin turned into an element (`data.hName`) or
 * removed is an `embed-unknown` message at its place, and renders as nothing.
 */
export function remarkUnknownComponents() {
  return function reportUnknown(tree: Root, file: VFile): undefined {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'leafDirective' && node.type !== 'containerDirective') return undefined;
      if (node.data?.hName !== undefined) return undefined;
      const { reason, hint } = describeUnknown(node);
      file.message(reason, { place: node.position?.start, ruleId: EMBED_RULES.unknown, source: 'newsgen' }).note = hint;
      if (!parent || index === undefined) return SKIP;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

function describeUnknown(node: LeafDirective | ContainerDirective): { reason: string; hint: string } {
  const name = componentName(node);
  if (node.type === 'containerDirective')
    return { reason: `Unknown component :::${node.name}`, hint: `Components: ${KNOWN.join(', ')}` };
  const hint = CONTAINER_EMBEDS.has(name)
    ? 'A gallery wraps its images: :::gallery, one image per line, then ::: on its own line'
    : `Components: ${KNOWN.join(', ')}; to start a line with "::" as text, write "\\::"`;
  return { reason: `Unknown component ::${node.name}`, hint };
}
