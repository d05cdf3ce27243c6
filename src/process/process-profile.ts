import type { AuthorProfile } from '../content/author-profile.js';
import { checkAuthorProfile } from '../content/check-author-profile.js';
import { findTrailingComments } from '../content/find-trailing-comments.js';
import { type FrontMatter, parseYamlMapping } from '../content/front-matter.js';
import { checkUnknownKeys, PROFILE_KEYS } from '../content/known-keys.js';
import type { SourceFile } from '../content/source-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import { replaceXmlForbiddenInData } from '../text/replace-xml-forbidden.js';
import { addWarnings, type ProcessResult } from './process-result.js';
import { bodyPlace, renderBody } from './render-body.js';

const PROFILE_BODY = { holder: 'profile' } as const;

/** `authors/<slug>.md`: the profile, with its body rendered as the bio. */
export function processProfile(
  source: SourceFile,
  frontMatter: FrontMatter,
  processor: MarkdownProcessor,
): ProcessResult {
  const checked = checkAuthorProfile(source.path, source.displayPath, frontMatter);
  if (!checked.ok) return { kind: 'failed', diagnostics: checked.diagnostics };
  const bio = frontMatter.body.trim()
    ? renderBody(processor, frontMatter.body, PROFILE_BODY, source.displayPath, bodyPlace(frontMatter.bodyLine))
    : undefined;
  if (bio && !bio.ok) return { kind: 'failed', diagnostics: bio.diagnostics };
  const warnings = [...checkUnknownKeys(frontMatter, PROFILE_KEYS, source.displayPath), ...(bio?.warnings ?? [])];
  return { kind: 'profile', profile: { ...checked.profile, bioHtml: bio?.value.html }, warnings };
}

/**
 * `authors.yml`: author profiles as one mapping, each entry like the front
 * matter of `authors/<slug>.md` with the bio as Markdown in `bio`. Every
 * problem is reported at its own key.
 */
export function processAuthorsData(text: string, source: SourceFile, processor: MarkdownProcessor): ProcessResult {
  const parsed = parseYamlMapping(text, source.displayPath, 0, 'authors data file');
  if (!parsed.ok) return { kind: 'failed', diagnostics: parsed.diagnostics };
  const cleaned = replaceXmlForbiddenInData(parsed.value.data, parsed.value.locate, source.displayPath);
  const result = processProfiles(cleaned.data, parsed.value.locate, source, processor);
  // A `#` glued to text after an unquoted value (`bio: Juara #1 nasional`) drops the rest, as in front matter.
  const comments = text.includes(' #') ? findTrailingComments(text, source.displayPath, 0) : [];
  const warnings = [...cleaned.warnings, ...comments];
  return warnings.length === 0 ? result : addWarnings(result, warnings);
}

function processProfiles(
  data: Readonly<Record<string, unknown>>,
  locate: FrontMatter['locate'],
  source: SourceFile,
  processor: MarkdownProcessor,
): ProcessResult {
  const profiles: AuthorProfile[] = [];
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const [key, entry] of Object.entries(data)) {
    const fields =
      entry && typeof entry === 'object' && !Array.isArray(entry)
        ? (entry as Record<string, unknown>)
        : { name: entry };
    const bio = typeof fields['bio'] === 'string' ? fields['bio'] : '';
    const view: FrontMatter = {
      data: fields,
      locate: (path, options) => locate([key, ...path], options) ?? locate([key], { key: true }),
      body: bio,
      bodyLine: 1,
    };
    warnings.push(...checkUnknownKeys(view, PROFILE_KEYS, source.displayPath));
    const checked = checkAuthorProfile(source.path, source.displayPath, view);
    if (!checked.ok) {
      diagnostics.push(...checked.diagnostics);
      continue;
    }
    // The bio is a YAML string: its own lines are not the file's, so a problem is shown at its key.
    const bioPlace = view.locate(['bio']);
    const rendered = bio.trim()
      ? renderBody(processor, bio, PROFILE_BODY, source.displayPath, () => bioPlace)
      : undefined;
    if (rendered && !rendered.ok) diagnostics.push(...rendered.diagnostics);
    else {
      warnings.push(...(rendered?.warnings ?? []));
      profiles.push({ ...checked.profile, bioHtml: rendered?.value.html });
    }
  }
  return diagnostics.length > 0 ? { kind: 'failed', diagnostics } : { kind: 'profiles', profiles, warnings };
}
