import { parseHTML } from 'linkedom';

/** Parses an HTML fragment into a DOM body for assertions. */
export function parseFragment(html: string): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return document.body;
}
