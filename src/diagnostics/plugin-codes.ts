import type { ErrorCodeInfo } from './error-code-info.js';

/** The catalogue's codes for plugins, each with its title and hint; `ERROR_CODES` includes them. */
export const PLUGIN_CODES = {
  'plugin-error': {
    title: 'A plugin failed',
    hint: 'The message names the plugin and what it was doing: check its options in the config, or report the error to its author.',
  },
  'plugin-load': {
    title: 'A plugin named in the config cannot be loaded',
    hint: 'Install the package (npm install it in the site), or check the path of a plugin file (relative to the config file); its default export must be a plugin or a function that returns one.',
  },
  'plugin-warning': {
    title: 'A plugin reported a problem in a file',
    hint: 'The message names the plugin; fix the content at the place shown, or the plugin’s options.',
  },
  'plugin-worker': {
    title: 'A plugin cannot be loaded in a worker thread',
    hint: 'Worker threads load the config file again: it must give the same plugins with the same options there (no values that differ per thread), or build with `--concurrency 1`.',
  },
} as const satisfies Record<string, ErrorCodeInfo>;
