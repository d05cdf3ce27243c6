import path from 'node:path';
import { DOMParser } from 'linkedom';
import { type InlineConfig, resolveConfig } from '../../src/config/resolve-config.js';
import type { ResolvedConfig } from '../../src/config/resolved-config.js';
import type { SourceFile } from '../../src/content/source-file.js';
import { resolveStrings } from '../../src/i18n/strings.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { type GeneratedSite, generateSite } from '../../src/pipeline/generate-site.js';
import { createRenderer } from '../../src/render/create-renderer.js';
import type { ImageSizes } from '../../src/site/image-size.js';
import { parseConfigText } from './parse-config-text.js';

/** A site built in memory: output path → text, plus the model. */
export interface MemoryBuild {
  readonly config: ResolvedConfig;
  readonly generated: GeneratedSite;
  readonly files: ReadonlyMap<string, string>;
  /** The text of one output file; throws when it was not produced. */
  file(outputPath: string): string;
  /** Parses an output HTML file (e.g. `index.html`) into a DOM document. */
  dom(outputPath: string): Document;
}

/**
 * Builds a whole site in memory from inline content (content-relative path →
 * text) and config, the way Hugo's integration tests do: no file system
 * except the built-in theme.
 */
export async function buildInMemory(
  content: Record<string, string>,
  config: Record<string, unknown> = {},
  inline: InlineConfig = {},
  imageSizes: ImageSizes = new Map(),
): Promise<MemoryBuild> {
  const root = path.join('/nonexistent', 'newsgen-memory-site');
  const loaded = parseConfigText(
    JSON.stringify(config, null, 2),
    'newsgen.config.json',
    path.join(root, 'newsgen.config.json'),
  );
  const { config: resolved } = await resolveConfig(
    root,
    loaded,
    { static: 'no-static-here', ...inline },
    new Date('2026-11-27T00:00:00+07:00'),
  );
  const sources: SourceFile[] = Object.entries(content)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, text]) => ({ path: file, displayPath: `content/${file}`, bytes: new TextEncoder().encode(text) }));
  const renderer = await createRenderer({
    themeDir: resolved.themeDir,
    templatesDir: undefined,
    strings: resolveStrings(resolved.locale, resolved.strings),
  });
  const generated = await generateSite(resolved, sources, createMarkdownProcessor(), renderer, { imageSizes });
  const files = new Map(
    generated.files.map((file) => [
      file.path,
      typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents),
    ]),
  );
  const file = (outputPath: string): string => {
    const text = files.get(outputPath);
    if (text === undefined)
      throw new Error(`No output file ${outputPath}; have: ${[...files.keys()].slice(0, 20).join(', ')}`);
    return text;
  };
  return {
    config: resolved,
    generated,
    files,
    file,
    dom(outputPath) {
      const html = files.get(outputPath);
      if (html === undefined)
        throw new Error(`No output file ${outputPath}; have: ${[...files.keys()].slice(0, 20).join(', ')}`);
      return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    },
  };
}
