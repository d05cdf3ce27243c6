import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

// Folders still on disk. Test files that share a worker's modules (vitest.config.ts)
// share this set too, but they run one after another, and the setup file empties it
// at the end of each: it only ever holds the running file's folders.
const open = new Set<string>();

/**
 * A new, empty folder in the system's temporary folder (`newsgen-<label>-…`).
 * Made inside a test, it is deleted when that test ends, passed or failed;
 * made in a `beforeAll` or at file level, when the test file ends (see
 * `removeTempFolders`, run by the setup file for every test file).
 */
export function createTempFolder(label: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), `newsgen-${label}-`));
  open.add(folder);
  try {
    onTestFinished(() => removeTempFolder(folder));
  } catch {
    // Not inside a test: the folder is shared by the file's tests and goes with the file.
  }
  return folder;
}

/** Deletes a folder made by `createTempFolder` now, with everything in it. */
export function removeTempFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  open.delete(folder);
}

/** Deletes every folder of this test file that is still there. */
export function removeTempFolders(): void {
  for (const folder of open) removeTempFolder(folder);
}
