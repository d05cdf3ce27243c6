import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { findMissingLocaleData } from '../i18n/resolve-locale.js';
import type { ResolvedConfig } from './resolved-config.js';

/**
 * Refuses a well-formed locale the runtime has no date data for (`zz`), as
 * the config error it is, at the `locale` key. Run by a build that renders
 * (`resolveConfig` checks only the spelling, so that a build which finds
 * nothing changed never loads ICU's locale data). Throws `NewsgenError`.
 */
export function checkLocaleData(config: ResolvedConfig): void {
  const reason = findMissingLocaleData(config.locale);
  if (reason === undefined) return;
  const where = config.localeWhere;
  const file = where?.file ?? 'newsgen.config';
  const diagnostic = createDiagnostic({
    file,
    place: where?.place,
    reason: `${reason} (key \`locale\`)`,
    ruleId: 'config-invalid',
  });
  throw new NewsgenError(`Invalid config in ${file}`, {
    code: 'config-invalid',
    file,
    place: diagnostic.place,
    diagnostics: [diagnostic],
  });
}
