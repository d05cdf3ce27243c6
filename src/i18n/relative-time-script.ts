// Kept as readable source and squeezed below. ES2017, no dependencies. Each unit
// holds while the rounded value stays under its limit (under 60 seconds, under
// 60 minutes, 24 hours, 7 days, about 4.35 weeks a month, 12 months), then years.
// Every step is inside try/catch: a page must never break over a relative date.
// The source has no `<` at all, so nothing in it can end or confuse the script element.
const SCRIPT_SOURCE = `
(function () {
  try {
    var R = Intl.RelativeTimeFormat;
    if (!R) return;
    var f = new R(__LOCALE__, { numeric: "auto" }),
      n = Date.now(),
      u = [[60, "second"], [60, "minute"], [24, "hour"], [7, "day"], [4.35, "week"], [12, "month"], [1 / 0, "year"]],
      l = document.querySelectorAll("time[data-relative][datetime]");
    for (var k = 0; l.length > k; k++) {
      try {
        var e = l[k], t = Date.parse(e.getAttribute("datetime"));
        if (t !== t) continue;
        var v = (t - n) / 1e3, i = 0;
        while (Math.round(Math.abs(v)) >= u[i][0]) v /= u[i++][0];
        if (!e.getAttribute("title")) e.setAttribute("title", e.textContent.trim());
        e.textContent = f.format(Math.round(v), u[i][1]);
      } catch (x) {}
    }
  } catch (x) {}
})();
`;

/**
 * Builds the inline script that turns every `<time data-relative datetime="…">`
 * into relative text in `locale` ("3 hari yang lalu", "3 days ago") when the page
 * loads, keeping the absolute text in `title`. It does nothing where
 * `Intl.RelativeTimeFormat` is missing and never throws. Returns script source,
 * without the `<script>` element.
 */
export function createRelativeTimeScript(locale: string): string {
  return compactScript(SCRIPT_SOURCE).replace('__LOCALE__', () => toScriptLiteral(locale));
}

/** A JSON string literal that cannot close the script element or break older parsers. */
function toScriptLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Drops the indentation and the blanks around punctuation; the source has no blanks inside strings that matter. */
function compactScript(source: string): string {
  return source
    .trim()
    .replace(/\n\s*/g, '')
    .replace(/\s*([{}()[\],;=<>!?:+\-*/|&])\s*/g, '$1');
}
