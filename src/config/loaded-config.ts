import type { Place } from '../diagnostics/diagnostic.js';

/** A config file's raw value and where each key sits in it. */
export interface LoadedConfig {
  readonly file: string | undefined;
  /** Path for messages, relative to the working directory; `undefined` when no file was read. */
  readonly displayPath: string | undefined;
  readonly value: unknown;
  locate(keyPath: readonly (string | number)[]): Place | undefined;
}

/** The config of a site without a config file: every default. */
export const NO_CONFIG_FILE: LoadedConfig = Object.freeze({
  file: undefined,
  displayPath: undefined,
  value: {},
  locate: () => undefined,
});
