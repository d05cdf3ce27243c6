import { accessSync, constants, statSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** The environment variable that names a Chromium (or Chrome) executable, checked first. */
export const CHROMIUM_ENV = 'CHROMIUM_PATH';

/**
 * Where Debian and Ubuntu put Chromium or Chrome, in the order they are tried:
 * Debian's `chromium`, Ubuntu's older `chromium-browser`, Google's package, and
 * the snap. The tests never download a browser.
 */
export const CHROMIUM_LOCATIONS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** Flags for a quiet, offline, sandbox-free browser in a container or CI. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium executable to drive: `CHROMIUM_PATH` when set (and then only
 * that one, so a typo is not silently replaced by another browser), else the
 * first of `CHROMIUM_LOCATIONS` that can be run. Throws an error that says what
 * to install when there is none.
 */
export function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
  isExecutable: (file: string) => boolean = canExecute,
): string {
  const named = env[CHROMIUM_ENV];
  if (named) {
    if (isExecutable(named)) return named;
    throw new Error(`${CHROMIUM_ENV} is ${named}, which is not an executable file. ${HOW_TO_INSTALL}`);
  }
  const found = CHROMIUM_LOCATIONS.find(isExecutable);
  if (found !== undefined) return found;
  throw new Error(`No Chromium found (looked at ${CHROMIUM_LOCATIONS.join(', ')}). ${HOW_TO_INSTALL}`);
}

const HOW_TO_INSTALL =
  'The browser tests need Chromium or Chrome: on Debian `sudo apt-get install chromium`, on Ubuntu ' +
  '`sudo snap install chromium`, or set CHROMIUM_PATH to the executable of one you have.';

/** Launches the Chromium that `findChromium` picks, with `CHROMIUM_ARGS`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
}

function canExecute(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
