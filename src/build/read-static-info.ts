import { imageSizeFromFile } from 'image-size/fromFile';
import { stat } from 'node:fs/promises';
import { listStaticFiles } from '../output/list-static-files.js';
import { runBounded } from '../output/run-bounded.js';
import type { ImageSize } from '../syndication/image-size.js';
import type { StaticInfo } from './plan-outputs.js';

/** Image files whose size is measured for `width`/`height` and Open Graph. */
const IMAGE_FILE = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/** The static folder as the pure stages see it, plus a stamp that changes when any file does. */
export interface StaticSnapshot extends StaticInfo {
  /** `path size mtime` of every file, for the build's input fingerprint. */
  readonly stamp: string;
}

/**
 * Reads what the pure stages need to know about the static folder (an I/O
 * edge): its output paths, and the pixel size of every image (a file that
 * cannot be measured simply has no known size).
 */
export async function readStaticInfo(staticDir: string): Promise<StaticSnapshot> {
  const files = await listStaticFiles(staticDir);
  const imageSizes = new Map<string, ImageSize>();
  const stamps: string[] = [];
  await runBounded(files, 16, async (file) => {
    const stats = await stat(file.source);
    stamps.push(`${file.path} ${stats.size} ${stats.mtimeMs}`);
    if (!IMAGE_FILE.test(file.path)) return;
    const size = await imageSizeFromFile(file.source).catch(() => undefined);
    if (size?.width && size.height) imageSizes.set(`/${file.path}`, { width: size.width, height: size.height });
  });
  return { imageSizes, paths: new Set(files.map((file) => file.path)), stamp: stamps.sort().join('\n') };
}
