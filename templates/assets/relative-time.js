// Relative times. Every <time data-relative datetime="…"> of the page (the
// dates of listed articles) is written as an absolute, localized date, which
// stays when scripts are off; this deferred script, one file every page links
// and a browser caches once, rewrites each as a relative time in the page's
// language ("3 hari yang lalu", "3 days ago") and keeps the absolute text as
// its title. Each unit holds while the rounded value stays under its limit
// (under 60 seconds, under 60 minutes, 24 hours, 7 days, about 4.35 weeks a
// month, 12 months), then years. ES2017, no dependencies. It does nothing
// where Intl.RelativeTimeFormat is missing, and every step is inside
// try/catch: a page must never break over a relative date.
(function () {
  try {
    var R = Intl.RelativeTimeFormat;
    if (!R) return;
    var format = new R(document.documentElement.lang || undefined, { numeric: "auto" });
    var now = Date.now();
    var units = [[60, "second"], [60, "minute"], [24, "hour"], [7, "day"], [4.35, "week"], [12, "month"], [1 / 0, "year"]];
    var times = document.querySelectorAll("time[data-relative][datetime]");
    for (var k = 0; k < times.length; k++) {
      try {
        var element = times[k], time = Date.parse(element.getAttribute("datetime"));
        if (time !== time) continue;
        var value = (time - now) / 1e3, i = 0;
        while (Math.round(Math.abs(value)) >= units[i][0]) value /= units[i++][0];
        if (!element.getAttribute("title")) element.setAttribute("title", element.textContent.trim());
        element.textContent = format.format(Math.round(value), units[i][1]);
      } catch (x) {}
    }
  } catch (x) {}
})();
