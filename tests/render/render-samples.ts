import { THEME_DIR } from '../../src/config/resolve-config.js';
import { createRenderer, type Renderer } from '../../src/render/create-renderer.js';

/**
 * A renderer for the built-in theme. The views carry the sample strings in
 * `site.strings`, so the renderer gets none of its own by default.
 */
export function createSampleRenderer(
  templatesDir?: string,
  strings: Readonly<Record<string, string>> = {},
): Promise<Renderer> {
  return createRenderer({ themeDir: THEME_DIR, templatesDir, strings });
}
