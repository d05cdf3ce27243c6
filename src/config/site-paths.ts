import path from 'node:path';
import type { ResolvedConfig } from './resolved-config.js';

/** A folder or file of the site as a path from its root, with forward slashes (`dist`, `content`); `..` when outside it. */
export function sitePath(config: Pick<ResolvedConfig, 'root'>, file: string): string {
  return path.relative(config.root, file).split(path.sep).join('/');
}

/**
 * The config as the build's fingerprints see it: its folders as paths from
 * the site's root, so the same site checked out elsewhere (another CI
 * workspace, a copied folder) keeps its cache and its output; the theme's
 * folders are left out, since their files are fingerprinted by content.
 */
export function locationFreeConfig(config: ResolvedConfig): Record<string, unknown> {
  const relative = (file: string | undefined) => (file === undefined ? undefined : sitePath(config, file));
  return {
    ...config,
    root: undefined,
    configFile: relative(config.configFile),
    dataDir: relative(config.dataDir),
    contentDir: relative(config.contentDir),
    templatesDir: relative(config.templatesDir),
    themeDir: undefined,
    staticDir: relative(config.staticDir),
    outDir: relative(config.outDir),
    pluginPartials: config.pluginPartials.map((partials) => ({ ...partials, dir: undefined })),
  };
}
