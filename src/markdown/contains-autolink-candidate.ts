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
