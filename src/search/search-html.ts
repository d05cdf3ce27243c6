/**
 * The part of a page's HTML that the search index reads: the element marked
 * `data-pagefind-body` (the theme puts it on the article), in a document of
 * the site's language. Pagefind reads nothing else of a page once any page
 * has the mark, so the index is the same, while a build holds a few
 * kilobytes a page instead of the whole page until every page is rendered;
 * and a page read back from the output folder on a warm build gives the same
 * string as when it was rendered. Undefined when the page has no mark (a
 * theme of the site's own without it): it is then not indexed.
 *
 * The page is newsgen's own serialized HTML, so it is read tag by tag rather
 * than parsed whole (a parse of every page of a 10,000-article site would
 * take seconds): text never holds a raw `<` (it is written `&lt;`), but an
 * attribute value may (an image's `alt="<article>"`), so each tag is matched
 * with its quoted values, and the mark counts only as an attribute name.
 */
export function extractSearchHtml(html: string, lang: string): string | undefined {
  const tags = new RegExp(TAG.source, 'g');
  let start: number | undefined;
  let name = '';
  let depth = 0;
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    const [tag, closing, tagName = '', attributes = ''] = match;
    if (start === undefined) {
      if (closing || !MARK.test(attributes.replace(QUOTED, '""'))) continue;
      start = match.index;
      name = tagName.toLowerCase();
      depth = VOID.test(tag) ? 0 : 1;
    } else if (tagName.toLowerCase() === name && !VOID.test(tag)) depth += closing ? -1 : 1;
    if (depth === 0) return wrap(html.slice(start, match.index + tag.length), lang);
  }
  return start === undefined ? undefined : wrap(html.slice(start), lang);
}

/** A start or end tag with its attributes, quoted values whole (a `>` inside one does not end it). */
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/;
const QUOTED = /"[^"]*"|'[^']*'/g;
/** `data-pagefind-body` as an attribute name (values blanked first). */
const MARK = /(?:^|\s)data-pagefind-body(?:[\s=/]|$)/;
/** A self-closing tag, which opens nothing. */
const VOID = /\/>$/;

function wrap(body: string, lang: string): string {
  return `<!doctype html><html lang="${lang}"><body>${body}</body></html>`;
}
