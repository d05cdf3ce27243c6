import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { generateSite, type GeneratedSite } from '../../src/build/generate-site.js';
import { parseConfigText } from '../../src/config/load-config.js';
import { resolveConfig, type InlineConfig } from '../../src/config/resolve-config.js';
import type { ResolvedConfig } from '../../src/config/resolved-config.js';
import { resolveStrings } from '../../src/i18n/strings.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { createRenderer } from '../../src/render/create-renderer.js';
import type { ImageSizes } from '../../src/syndication/image-size.js';
import { ROOT } from '../helpers/fixture-site.js';

/** A site built in memory: its model, config and every output file as text. */
export interface BuiltSite {
  readonly config: ResolvedConfig;
  readonly generated: GeneratedSite;
  readonly files: ReadonlyMap<string, string>;
  /** The text of one output file; throws when it was not produced. */
  file(outputPath: string): string;
}

/** Builds a site from a config object and content files (`ekonomi/x.md` → text) without touching the disk. */
export async function buildInMemory(
  userConfig: Record<string, unknown>,
  content: Record<string, string>,
  options: { inline?: InlineConfig; imageSizes?: ImageSizes } = {},
): Promise<BuiltSite> {
  const root = path.join(ROOT, 'tests', 'syndication');
  const loaded = parseConfigText(JSON.stringify(userConfig), 'newsgen.config.json', undefined);
  const { config } = resolveConfig(root, loaded, { static: 'no-static-here', ...options.inline }, new Date('2026-11-27T00:00:00+07:00'));
  const renderer = await createRenderer({ themeDir: config.themeDir, templatesDir: undefined, strings: resolveStrings(config.locale, config.strings) });
  const sources = Object.entries(content).map(([file, text]) => ({ path: file, displayPath: `content/${file}`, bytes: new TextEncoder().encode(text) }));
  const generated = generateSite(config, sources, createMarkdownProcessor(), renderer, { imageSizes: options.imageSizes ?? new Map() });
  const files = new Map(generated.files.map((file) => [file.path, typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents)]));
  return {
    config,
    generated,
    files,
    file(outputPath) {
      const text = files.get(outputPath);
      if (text === undefined) throw new Error(`No output file ${outputPath}; have ${[...files.keys()].filter((name) => !name.endsWith('.html')).join(', ')}`);
      return text;
    },
  };
}

/** Front matter plus body for an article; values are YAML as written. */
export function articleSource(fields: Record<string, string>, body = 'Isi berita.\n'): string {
  return `---\n${Object.entries(fields).map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n${body}`;
}

/** The shared schema folder: `../shared/schemas` beside the repository, as in CI. */
export const SCHEMA_DIR = path.resolve(ROOT, '..', 'shared', 'schemas');

function readSchemas(): { schema: XMLFileInfo; preload: XMLFileInfo[] } {
  const read = (fileName: string): XMLFileInfo => ({ fileName, contents: readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8') });
  return { schema: read('sitemap-all.xsd'), preload: ['sitemaps-org.xsd', 'sitemap-news.xsd', 'sitemap-image.xsd'].map(read) };
}

/** Validates a sitemap or sitemap index against `sitemap-all.xsd` (which imports the other three). */
export async function validateSitemap(xml: string, fileName = 'sitemap.xml'): Promise<{ valid: boolean; output: string }> {
  const { schema, preload } = readSchemas();
  const result = await validateXML({ xml: { fileName, contents: xml }, schema, preload });
  return { valid: result.valid, output: result.rawOutput };
}
