/**
 * Worker-thread entry of `readStaticAside` (see `static-reads.ts`): reads
 * the static files it is given whole, hashes them and measures the images
 * among them while the build goes on, and answers once, in one string.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeStaticReads, readStaticFiles, type StaticToRead } from './static-reads.js';

const { files } = workerData as { files: StaticToRead[] };
// The measuring library is loaded only for images; without it, the build measures them itself.
const imageSize = files.some((file) => file.image)
  ? await import('image-size').then(
      (module) => module.imageSize,
      () => undefined,
    )
  : undefined;
parentPort?.postMessage(encodeStaticReads(readStaticFiles(files, imageSize)));
