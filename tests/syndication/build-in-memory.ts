import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { InlineConfig } from '../../src/config/resolve-config.js';
import type { ImageSizes } from '../../src/site/image-size.js';
import { buildInMemory as buildSiteInMemory, type MemoryBuild } from '../helpers/build-in-memory.js';
import { ROOT } from '../helpers/fixture-site.js';

/** A site built in memory: its model, config and every output file as text. */
export type BuiltSite = MemoryBuild;

/** Builds a site from a config object and content files (`ekonomi/x.md` → text) without touching the disk. */
export function buildInMemory(
  userConfig: Record<string, unknown>,
  content: Record<string, string>,
  options: { inline?: InlineConfig; imageSizes?: ImageSizes } = {},
): Promise<BuiltSite> {
  return buildSiteInMemory(content, userConfig, options.inline, options.imageSizes);
}

/** Front matter plus body for an article; values are YAML as written. */
export function articleSource(fields: Record<string, string>, body = 'Isi berita.\n'): string {
  return `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${body}`;
}

/** The sitemap schemas kept in the repository (see `tests/schemas/README.md`). */
export const SCHEMA_DIR = path.join(ROOT, 'tests', 'schemas');

function readSchemas(): { schema: XMLFileInfo; preload: XMLFileInfo[] } {
  const read = (fileName: string): XMLFileInfo => ({
    fileName,
    contents: readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8'),
  });
  return {
    schema: read('sitemap-all.xsd'),
    preload: ['sitemaps-org.xsd', 'sitemap-news.xsd', 'sitemap-image.xsd'].map(read),
  };
}

/** Validates a sitemap or sitemap index against `sitemap-all.xsd` (which imports the other three). */
export async function validateSitemap(
  xml: string,
  fileName = 'sitemap.xml',
): Promise<{ valid: boolean; output: string }> {
  const { schema, preload } = readSchemas();
  const result = await validateXML({ xml: { fileName, contents: xml }, schema, preload });
  return { valid: result.valid, output: result.rawOutput };
}
