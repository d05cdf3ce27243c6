import type { HelperDelegate } from 'handlebars';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { HandlebarsEnvironment } from './helpers.js';

/** A Handlebars helper a plugin brings, with the plugin's name. */
export interface TemplateHelper {
  readonly name: string;
  readonly plugin: string;
  readonly helper: HelperDelegate;
}

/** Helpers newsgen and Handlebars define: a plugin may not replace them. */
const TAKEN = new Set([
  't',
  'eq',
  'gt',
  'and',
  'or',
  'not',
  'join-names',
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);

/**
 * Registers plugins' helpers after newsgen's own. A name newsgen or
 * Handlebars already uses, or one two plugins give, is an error naming the
 * plugins. An error a helper throws names its plugin too, and becomes the
 * template's render error at the place that called it.
 */
export function registerPluginHelpers(hbs: HandlebarsEnvironment, helpers: readonly TemplateHelper[]): void {
  const owners = new Map<string, string>();
  for (const { name, plugin, helper } of helpers) {
    const owner = TAKEN.has(name) ? 'newsgen' : owners.get(name);
    if (owner !== undefined)
      throw new NewsgenError(
        `Plugin "${plugin}" gives the helper "${name}", which ${owner === 'newsgen' ? 'newsgen' : `plugin "${owner}"`} gives already`,
        {
          code: 'plugin-error',
          hint: 'Helper names are shared by every template: rename one of them (a plugin prefix helps).',
        },
      );
    owners.set(name, plugin);
    hbs.registerHelper(name, function namedHelper(this: unknown, ...args: unknown[]): unknown {
      try {
        return (helper as (...values: unknown[]) => unknown).apply(this, args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const failure = new Error(`helper "${name}" of plugin "${plugin}" failed: ${message}`, { cause: error });
        // The call's place, read by `findTemplateErrorPlace` as on Handlebars' own errors (0-based column).
        const start = (args.at(-1) as { loc?: { start?: { line: number; column: number } } } | undefined)?.loc?.start;
        throw start ? Object.assign(failure, { lineNumber: start.line, column: start.column }) : failure;
      }
    });
  }
}
