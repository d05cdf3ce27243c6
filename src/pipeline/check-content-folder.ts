import { statSync } from 'node:fs';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { toDisplayPath } from '../content/load-content.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';

/**
 * Refuses to list a content folder that is gone: the CLI checks it when it
 * starts, and this catches one removed while `serve` runs (moved away and
 * back, a branch switch), which would otherwise build an empty site.
 */
export function checkContentFolder(config: ResolvedConfig): void {
  const stats = statSync(config.contentDir, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return;
  const shown = toDisplayPath(config.contentDir, config.root);
  throw new NewsgenError(`No content folder: ${shown} ${stats ? 'is a file, not a folder' : 'does not exist'}`, {
    code: 'missing-input',
    hint: 'Put the content folder back; the build runs again when it is there.',
  });
}

/**
 * Refuses to build an empty site over one that had articles: a content
 * folder with no file at all, after a build that published `published`
 * articles, is far more often a checkout that did not bring the content (a
 * git submodule, a sparse checkout, a failed copy) than a newsroom closing,
 * and the build would delete every article page.
 */
export function checkContentNotEmpty(config: ResolvedConfig, files: number, published: number): void {
  if (files > 0 || published === 0) return;
  const shown = toDisplayPath(config.contentDir, config.root);
  throw new NewsgenError(
    `The content folder ${shown} has no files, and the last build published ${published} ${published === 1 ? 'article' : 'articles'}: building would delete ${published === 1 ? 'it' : 'them all'}`,
    {
      code: 'content-empty',
      hint: 'Check that the content was checked out (a git submodule, a sparse checkout). To publish an empty site, delete the output folder and the cache (node_modules/.cache/newsgen) first.',
    },
  );
}
