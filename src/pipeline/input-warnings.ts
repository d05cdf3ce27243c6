import { describeRefusal } from '../boundary/resolve-link.js';
import { toDisplayPath } from '../content/load-content.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findRetiredTemplateData } from '../render/find-retired-data.js';
import { describeInvisibleNames, findInvisibleNames } from './invisible-names.js';
import { describeScriptedSvgs } from './scripted-svgs.js';
import type { SessionContext } from './session-memory.js';

/**
 * One warning for every entry of the content, static and templates folders
 * that the build leaves out, and for every place a template reads data
 * newsgen no longer gives; the warnings of plugins' `configResolved`
 * hooks, called once a session (so on every build, up to date or not), and
 * of their `pages` hooks (`pluginPages`), called on every build.
 */
export function describeInputWarnings(
  { config, memory }: SessionContext,
  pluginPages: readonly Diagnostic[],
): Diagnostic[] {
  const refused = [
    ...memory.refusedContent,
    ...(memory.staticListing?.refused ?? []),
    ...(memory.theme?.files.refused ?? []),
  ];
  const shown = (file: string) => toDisplayPath(file, config.root);
  return [
    ...refused.map((entry) => describeRefusal(entry, shown(entry.path))),
    ...findRetiredTemplateData(memory.theme?.files.templates ?? [], shown),
    ...describeScriptedSvgs([...(memory.staticListing?.scriptedSvgs ?? []), ...(memory.contentSvgs ?? [])], shown),
    ...describeInvisibleNames(
      [...findInvisibleNames(memory.staticListing?.files ?? []), ...(memory.contentInvisibleNames ?? [])],
      shown,
    ),
    ...memory.pluginWarnings,
    ...pluginPages,
  ];
}
