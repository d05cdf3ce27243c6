import type { ErrorCodeInfo } from './error-code-info.js';

/** The catalogue's codes for plugins, each with its title and hint; `ERROR_CODES` includes them. */
export const PLUGIN_CODES = {
  'plugin-error': {
    title: 'A plugin failed, or reported an error',
    hint: 'The message names the plugin and what it was doing: fix what it reports at the place shown, check its options in the config, or report the error to its author.',
  },
  'plugin-load': {
    title: 'A plugin named in the config cannot be loaded',
    hint: 'Install the package (npm install it in the site), or check the path of a plugin file (relative to the config file); its default export must be a plugin or a function that returns one.',
  },
  'plugin-warning': {
    title: 'A plugin reported a problem in a file',
    hint: 'The message names the plugin; fix the content at the place shown, or the plugin’s options. A plugin’s own rules have ids of their own, `<plugin>/<rule>` (see the plugin’s documentation).',
  },
  'plugin-worker': {
    title: 'A plugin comes out differently when the config file runs again',
    hint: 'Worker threads run the config file again to load the plugins’ code: it must give the same plugins with the same options every time (no values that differ per run, such as the time or a random number), or build with --concurrency 1.',
  },
} satisfies Record<string, ErrorCodeInfo>;
