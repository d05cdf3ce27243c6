/**
 * Anything from which GFM could make an autolink literal: `://` (protocol
 * links), `www.` (any case), `@` (e-mail), plus the ways Markdown can spell
 * `.`, `/`, `:`, `@` or `w` without writing them: backslash escapes
 * (`www\.x.com`) and character references (`&#64;`, `&#x40;`, `&commat;`,
 * `&colon;`, `&sol;`, `&period;`; no other named reference decodes to one of
 * these). The autolink-literal transform runs on decoded text, so
 * `a&#64;b.com` becomes a `mailto:` link although the source has no `@`.
 */
const AUTOLINK_CANDIDATE =
  /:\/\/|www\.|@|\\[./:@]|&(?:colon|commat|period|sol);|&#0*(?:46|47|58|64|87|119);|&#x0*(?:2e|2f|3a|40|57|77);/i;

/**
 * Checks whether a Markdown document might contain a GFM autolink literal.
 * `false` is a promise: GFM with and without autolink literals render the
 * document identically, so the cheaper processor may be used. `true` only
 * means "maybe" (it errs on the side of the full processor).
 */
export function containsAutolinkCandidate(markdown: string): boolean {
  return AUTOLINK_CANDIDATE.test(markdown);
}

/**
 * Where Markdown writes URLs that are not text: link destinations `](…)`,
 * reference definitions `[x]: …` and autolinks `<…>`. Every part stops at a
 * space, a line end or a bounded length (labels have at most 999 characters),
 * so no input makes the search quadratic.
 */
const DESTINATIONS = /\]\([^)\s]{0,2048}|^ {0,3}\[[^\]\n]{1,999}\]:[^\n]*|<[^<>\s]*>/gm;

/** A URL or e-mail address as GFM would link it, written out in the source. */
const LITERAL = /(?:https?:\/\/|www\.)[\w-]|[\w+.-]@[\w-]+\.[\w-]/i;

/**
 * Checks whether a document visibly holds an autolink literal: a bare URL or
 * e-mail address outside link destinations. Only a guess at which parse to try
 * first (the one with the autolink-literal construct, instead of the cheap one
 * and then, after looking at its text, the costly one): both give the full
 * pipeline's output, so a wrong guess costs time, never a different page.
 */
export function showsAutolinkLiteral(markdown: string): boolean {
  return LITERAL.test(markdown.replace(DESTINATIONS, ''));
}
