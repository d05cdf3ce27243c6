import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../src/logger/create-logger.js';
import { createDevServer, type DevServer } from '../../src/server/dev-server.js';
import { createFixtureSite } from '../helpers/fixture-site.js';

/** A dev server on loopback for a test file, over a fixture site's `dist/`; see {@link useDevServer}. */
export interface UsedDevServer {
  /** The server's URL (empty before `beforeAll` has run). */
  url(): string;
  /** Its port, for Host headers and absolute-form targets. */
  port(): number | undefined;
  /** The fixture site's folder (the server serves its `dist/`). */
  folder(): string;
}

/**
 * Writes `files` as a fixture site before the file's tests (then `prepare`,
 * for links and folders `files` cannot say), serves its `dist/` on a free
 * loopback port, and stops the server and removes the folder after them.
 */
export function useDevServer(
  files: Record<string, string>,
  prepare: (folder: string) => void = () => {},
): UsedDevServer {
  let server: DevServer | undefined;
  let folder = '';
  beforeAll(async () => {
    folder = createFixtureSite(files);
    prepare(folder);
    server = await createDevServer({
      root: path.join(folder, 'dist'),
      host: '127.0.0.1',
      port: 0,
      logger: createLogger({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await server?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return { url: () => server?.url ?? '', port: () => server?.port, folder: () => folder };
}
