import type { Nodes } from 'mdast';

/**
 * What every GFM autolink literal contains: a scheme separator, `www.`, or an
 * e-mail address's shape: a local-part character (`[\w+.-]`) before the `@`,
 * and a domain of `[\w.-]` with a dot after it. Both the micromark construct
 * and the mdast transform need at least that, so a mention such as `@warta`
 * or `pukul 10@2` cannot become a link.
 */
const LITERAL_MARK = /:\/\/|www\.|[\w+.-]@[\w.-]*\./i;

/**
 * Checks a tree parsed *without* the autolink-literal extension for text
 * where the extension could have found a link. Literals only ever form from
 * text, and in such a tree every character of running text, escapes and
 * character references already decoded, sits in a `text` node; so when no
 * text node holds a mark, parsing with the extension gives the same tree.
 * Conservative: a mark inside link text also counts.
 */
export function mayContainAutolinkLiteral(node: Nodes): boolean {
  if (node.type === 'text') return LITERAL_MARK.test(node.value);
  if (!('children' in node)) return false;
  for (const child of node.children) if (mayContainAutolinkLiteral(child)) return true;
  return false;
}
