import { parseHTML } from 'linkedom';
import { validateXML } from 'xmllint-wasm';

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];

/** The theme's own scripts: its files under `/assets/`, and JSON-LD (data, never run). */
function isThemeScript(element: Element): boolean {
  return (
    element.tagName === 'SCRIPT' &&
    (element.getAttribute('type') === 'application/ld+json' ||
      /^\/assets\/[a-z-]+\.js$/.test(element.getAttribute('src') ?? ''))
  );
}

/** A redirect page's refresh (newsgen writes one at each alias) to an http(s) address. */
function isRedirectPage(element: Element): boolean {
  return (
    element.tagName === 'META' &&
    element.getAttribute('http-equiv')?.toLowerCase() === 'refresh' &&
    /^0; url=https?:\/\//i.test(element.getAttribute('content') ?? '')
  );
}

/**
 * Event-handler attributes, script URLs, scripts that are not the theme's, and elements that load or
 * redirect (`<object>`, `<embed>`, `<base>`, `<meta http-equiv>`) in some HTML, a fragment or a whole
 * page, as a browser would parse it; empty when there are none.
 */
export function findActiveContent(html: string): string[] {
  const page = /^\s*<!doctype/i.test(html);
  const { document } = parseHTML(page ? html : `<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const element of document.querySelectorAll('script, object, embed, base, meta[http-equiv]'))
    if (!isThemeScript(element) && !isRedirectPage(element)) found.push(element.outerHTML.slice(0, 80));
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (name.toLowerCase().startsWith('on')) found.push(`<${element.tagName} ${name}>`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip these in a URL's scheme, so the check does too.
      const scheme = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      // The theme's generated favicon is an SVG image as a data: URL; an icon is drawn as an image, never run.
      const icon = element.tagName === 'LINK' && /\bicon\b/.test(element.getAttribute('rel') ?? '');
      if (icon && scheme.startsWith('data:image/')) continue;
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && /^(javascript|vbscript|data):/.test(scheme))
        found.push(`<${element.tagName} ${name}="${value}">`);
    }
  }
  return found;
}

/** Parses XML documents with xmllint in one go: undefined when all are well-formed, else xmllint's complaint. */
export async function findXmlErrors(files: ReadonlyMap<string, string>): Promise<string | undefined> {
  const xml = [...files].map(([name, contents]) => ({ fileName: name.replaceAll('/', '_'), contents }));
  if (xml.length === 0) return undefined;
  const result = await validateXML({ xml, normalization: 'format' });
  return result.valid ? undefined : result.rawOutput || 'not well-formed';
}
