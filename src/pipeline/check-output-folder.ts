import type { ResolvedConfig } from '../config/resolved-config.js';
import { checkOutDir, checkOutDirPlace } from '../output/check-out-dir.js';
import { showErrorPaths } from './show-error-paths.js';

/**
 * Refuses (exit 2) an output folder a build must never replace: every
 * build checks it, and `serve` before it serves the folder.
 */
export function checkOutputFolder(config: ResolvedConfig): void {
  checkOutDir({ ...outputFolderOf(config), force: config.forceOut === true });
}

/**
 * Refuses (exit 2) an output folder in a place no build may replace, as
 * {@link checkOutputFolder} does whatever the folder holds: `check`, which
 * writes nothing, runs it so CI stops before the build that would refuse.
 */
export function checkOutputPlace(config: ResolvedConfig): void {
  try {
    checkOutDirPlace(outputFolderOf(config));
  } catch (error) {
    // Worded as the build's refusal, which a build session shows from the site's folder.
    throw showErrorPaths(error, config.root);
  }
}

/** The output folder and the folders a build reads: it may be none of them, nor hold any of them. */
function outputFolderOf(config: ResolvedConfig) {
  const protectedDirs = [
    config.contentDir,
    config.staticDir,
    ...(config.templatesDir ? [config.templatesDir] : []),
    config.themeDir,
  ];
  return { root: config.root, outDir: config.outDir, protectedDirs };
}
