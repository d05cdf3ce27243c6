// Search links. /search/?q=kopi (from a tag, a newsletter, a search box
// elsewhere, the address bar) runs that search once the page has loaded,
// and the address keeps the words as the reader types (replaceState: Back
// still leaves the page), so a search can be shared or bookmarked. It uses
// Pagefind's documented instance API (triggerSearch, which also fills the
// box, and the "search" event); the words stay text throughout. Deferred,
// it runs after pagefind-component-ui.js and does nothing without it.
(function () {
  var components = window.PagefindComponents;
  if (!components || !window.URL || !history.replaceState) return;
  var instance = components.getInstanceManager().getInstance("default");
  instance.on("search", function (term) {
    var url = new URL(location.href);
    if (term) url.searchParams.set("q", term);
    else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  });
  var query = new URL(location.href).searchParams.get("q");
  if (query && query.trim()) instance.triggerSearch(query);
})();
