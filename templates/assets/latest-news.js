// Fresh "other news" on article pages. An article page is written once and
// lists the news of its own day; this deferred script replaces that list with
// the newest headlines from the small JSON file every build writes (the
// list's data-latest attribute names it), skipping the page's own article and
// any article the page links elsewhere (related stories), and showing as many
// items as the site's other-news count (data-count; the oldest articles have
// no older news, only a link to the home page, until this fills the list). Dates become relative times in
// the page's language, as relative-time.js makes them on the rest of the
// page. On any failure, or when the reader has moved focus into the list
// before the answer came, the static list simply stays.
(function () {
  var list = document.querySelector("ul[data-latest]");
  if (!list || !window.fetch || !window.URL) return;
  var count = Number(list.getAttribute("data-count")) || list.children.length;
  var lang = document.documentElement.lang || undefined;
  var units = [[60, "second"], [60, "minute"], [24, "hour"], [7, "day"], [4.35, "week"], [12, "month"], [1 / 0, "year"]];

  function pathOf(url) {
    var u = new URL(url, location.href);
    return u.pathname.replace(/index\.html$/, "");
  }

  function timeText(time) {
    var R = window.Intl && Intl.RelativeTimeFormat;
    if (!R) return new Date(time).toLocaleString(lang);
    var v = (time - Date.now()) / 1e3, i = 0;
    while (Math.round(Math.abs(v)) >= units[i][0]) v /= units[i++][0];
    return new R(lang, { numeric: "auto" }).format(Math.round(v), units[i][1]);
  }

  function item(article) {
    var li = document.createElement("li"), a = document.createElement("a"), t = document.createElement("time");
    var time = Date.parse(article.date);
    // A path, not the absolute URL: a preview on another host keeps its readers.
    a.href = pathOf(article.url);
    // A kind other than news keeps its label ("Opini: …"), as the built list has it.
    a.textContent = (article.label ? article.label + ": " : "") + article.title;
    // Its own direction, as the built list's titles: a Latin title ending in "!" on an Arabic page.
    a.dir = "auto";
    t.setAttribute("datetime", article.date);
    t.setAttribute("data-relative", "");
    t.setAttribute("title", new Date(time).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" }));
    t.textContent = timeText(time);
    li.append(a, " ", t);
    return li;
  }

  fetch(list.getAttribute("data-latest"), { cache: "no-cache" })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (data) {
      var shown = {}, items = [], articles = (data && data.articles) || [];
      shown[pathOf(location.href)] = true;
      for (var l = 0; l < document.links.length; l++)
        if (!list.contains(document.links[l])) shown[pathOf(document.links[l].href)] = true;
      for (var k = 0; k < articles.length && items.length < count; k++) {
        var article = articles[k];
        if (typeof article.url !== "string" || typeof article.title !== "string") continue;
        if (isNaN(Date.parse(article.date)) || shown[pathOf(article.url)]) continue;
        items.push(item(article));
      }
      // A reader already on one of its links (the answer was slow) keeps the list and their place in it.
      if (items.length > 0 && !list.contains(document.activeElement)) list.replaceChildren.apply(list, items);
    })
    .catch(function () {});
})();
