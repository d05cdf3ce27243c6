/** Where open pages subscribe to build events (server-sent events). */
export const LIVE_EVENTS_PATH = '/__newsgen/events';
/** Where the client script is served. */
export const LIVE_CLIENT_PATH = '/__newsgen/client.js';
/** The tag injected into served HTML, just before `</body>`. */
export const LIVE_CLIENT_TAG = `<script src="${LIVE_CLIENT_PATH}" defer></script>`;

/**
 * The live-reload script the dev server injects into the HTML it serves
 * (never into the files on disk). It listens to {@link LIVE_EVENTS_PATH}:
 * `reload` reloads the page, `build-error` shows an overlay naming each
 * file, line and message, `hello` carries the server's id so a restarted
 * server reloads the page. The overlay is built with `textContent` only:
 * error text comes from content files and is never parsed as HTML.
 */
export const LIVE_RELOAD_CLIENT = `(function () {
  'use strict';
  var OVERLAY_ID = 'newsgen-error-overlay';
  var serverId = null;
  function hide() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }
  function element(tag, text, style) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (style) node.style.cssText = style;
    return node;
  }
  function show(errors) {
    hide();
    var overlay = element('div', '', 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,monospace');
    overlay.id = OVERLAY_ID;
    overlay.setAttribute('role', 'alert');
    overlay.appendChild(element('h2', 'Build failed: the page shows the last good build', 'margin:0 0 1rem;font-size:18px;color:#ff8a80'));
    errors.forEach(function (error) {
      var item = element('div', '', 'margin:0 0 1rem;padding:.75rem 1rem;border-left:4px solid #ff5252;background:#2b2b2b');
      var where = error.file ? error.file + (error.line ? ':' + error.line + ':' + (error.column || 1) : '') : 'newsgen';
      var location = element('div', where, 'color:#ffd180;font-weight:bold');
      location.className = 'newsgen-error-location';
      var message = element('div', error.message, 'white-space:pre-wrap');
      message.className = 'newsgen-error-message';
      item.appendChild(location);
      item.appendChild(message);
      overlay.appendChild(item);
    });
    overlay.appendChild(element('p', 'Fix the file and save: this page reloads by itself.', 'color:#bbb'));
    document.body.appendChild(overlay);
  }
  var source = new EventSource(${JSON.stringify(LIVE_EVENTS_PATH)});
  source.addEventListener('hello', function (event) {
    var id = JSON.parse(event.data).id;
    if (serverId !== null && serverId !== id) location.reload();
    serverId = id;
  });
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('build-error', function (event) { show(JSON.parse(event.data).errors); });
})();
`;

/** Inserts the live-reload tag before the last `</body>` of an HTML page (or at its end when it has none). */
export function injectLiveReload(html: string): string {
  // Found in the page itself: lower-casing first changes lengths (`İ` becomes two code units), so its
  // index would land the tag inside `</body>` on a page about İstanbul.
  const index = html.search(/<\/body>(?![\s\S]*<\/body>)/i);
  return index === -1 ? `${html}${LIVE_CLIENT_TAG}` : `${html.slice(0, index)}${LIVE_CLIENT_TAG}${html.slice(index)}`;
}
