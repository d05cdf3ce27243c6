import { afterAll } from 'vitest';
import { removeTempFolders } from './temp-folders.js';

// Runs in every test file (vitest.config.ts `setupFiles`): whatever a file's
// tests left in the temporary folder goes when the file is done.
afterAll(removeTempFolders);
