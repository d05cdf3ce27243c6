/* newsgen embeds: a video facade turns into the player when clicked (nothing loads from the video site
   before); a social post gets a button that loads the platform's script on request; a Datawrapper chart
   takes the height it reports. On any failure the plain link stays. */
(function () {
  var d = document,
    me = d.currentScript,
    warm = {};
  var say = function (k, t) {
    return (me && me.getAttribute("data-" + k)) || t;
  };
  var players = {
    youtube: [
      "https://www.youtube-nocookie.com",
      function (u) {
        var v = u.searchParams.get("v");
        return /^[\w-]{11}$/.test(v) && "/embed/" + v + "?autoplay=1";
      },
    ],
    vimeo: [
      "https://player.vimeo.com",
      function (u) {
        var v = u.pathname.slice(1);
        return /^\d+$/.test(v) && "/video/" + v + "?autoplay=1&dnt=1";
      },
    ],
  };
  var facade = function (e) {
    var a = e.target.closest && e.target.closest("a.embed-facade");
    return a && players[a.dataset.embed] && a;
  };
  var title = function (a) {
    return (a.querySelector(".embed-title") || a).textContent;
  };
  d.addEventListener("pointerover", function (e) {
    var a = facade(e),
      host = a && players[a.dataset.embed][0],
      l = d.createElement("link");
    if (!host || warm[host]) return;
    warm[host] = l.rel = "preconnect";
    l.href = host;
    d.head.append(l);
  });
  d.addEventListener("click", function (e) {
    var a = facade(e),
      p = a && players[a.dataset.embed],
      path = p && p[1](new URL(a.href)),
      f = d.createElement("iframe");
    if (!path) return;
    e.preventDefault();
    f.src = p[0] + path;
    f.title = title(a);
    f.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    a.replaceWith(f);
    f.focus();
  });
  // Screen readers hear "Play video: <title> YouTube"; the visible text is part of that name, as it must be.
  d.querySelectorAll("a.embed-facade").forEach(function (a) {
    var hint = d.createElement("span");
    hint.className = "visually-hidden";
    hint.textContent = say("play", "Play video") + ": ";
    a.prepend(hint);
  });
  var platforms = {
    x: ["X", "https://platform.twitter.com/widgets.js", "twitter-tweet"],
    instagram: ["Instagram", "https://www.instagram.com/embed.js", "instagram-media"],
  };
  d.querySelectorAll(".embed-post a[data-embed]").forEach(function (a) {
    var p = platforms[a.dataset.embed],
      q = a.closest("blockquote"),
      b = d.createElement("button");
    if (!p || !q) return;
    b.type = "button";
    b.className = "embed-load";
    b.textContent = say("load", "Show the post from {name}").replace("{name}", p[0]);
    b.onclick = function () {
      var s = d.createElement("script");
      b.remove();
      q.className = p[2];
      q.dataset.instgrmPermalink = a.href;
      s.src = p[1];
      s.onload = function () {
        var w = window.twttr,
          i = window.instgrm;
        if (w && w.widgets) w.widgets.load(q.parentNode);
        if (i) i.Embeds.process();
      };
      d.body.append(s);
    };
    q.after(b);
  });
  addEventListener("message", function (e) {
    var h = e.origin == "https://datawrapper.dwcdn.net" && e.data && e.data["datawrapper-height"];
    if (h)
      d.querySelectorAll('iframe[data-embed="datawrapper"]').forEach(function (f) {
        if (f.contentWindow == e.source) for (var k in h) f.style.height = +h[k] + "px";
      });
  });
})();
