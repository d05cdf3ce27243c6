/**
 * The part of a page's HTML that the search index reads: the element marked
 * `data-pagefind-body` (the theme puts it on the article), in a document of
 * the site's language. Pagefind reads nothing else of a page once any page
 * has the mark, so the index is the same, while a build holds a few
 * kilobytes a page instead of the whole page until every page is rendered;
 * and a page read back from the output folder on a warm build gives the same
 * string as when it was rendered. Undefined when the page has no mark (a
 * theme of the site's own without it): it is then not indexed.
 */
export function extractSearchHtml(html: string, lang: string): string | undefined {
  const mark = html.search(/\sdata-pagefind-body[\s=>]/);
  if (mark < 0) return undefined;
  const start = html.lastIndexOf('<', mark);
  const name = /^<([a-zA-Z][\w-]*)/.exec(html.slice(start))?.[1];
  if (name === undefined) return undefined;
  const end = findClosingTag(html, name, start);
  const body = end === undefined ? html.slice(start) : html.slice(start, end);
  return `<!doctype html><html lang="${lang}"><body>${body}</body></html>`;
}

/** The index just past the tag closing the `name` element opened at `start`, counting nested ones. */
function findClosingTag(html: string, name: string, start: number): number | undefined {
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return undefined;
}
