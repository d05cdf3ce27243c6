import { createRenderer, type Renderer } from '../../src/render/create-renderer.js';
import { resolveBuiltInThemeDir } from '../../src/render/resolve-built-in-theme-dir.js';
import { sampleStrings } from './fixtures.js';

/** A renderer for the built-in theme with the sample strings. */
export function createSampleRenderer(templatesDir?: string): Promise<Renderer> {
  return createRenderer({ themeDir: resolveBuiltInThemeDir(), templatesDir, strings: sampleStrings });
}
