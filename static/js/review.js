// Keyboard review: Space reveals, 1-4 grade, U undoes. Forms work without this; with it, answers post in the
// background and the next card replaces the page body without a reload.
(function () {
  "use strict";
  var busy = false;

  function answer() { return document.getElementById("answer"); }

  function post(form, extra) {
    if (busy) return;
    busy = true;
    var data = new URLSearchParams(new FormData(form));
    if (extra) Object.keys(extra).forEach(function (k) { data.set(k, extra[k]); });
    fetch(form.action, { method: "POST", body: data, headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text().then(function (html) { return { url: r.url, html: html }; }); })
      .then(function (page) { swap(page.html, page.url); })
      .catch(function () { form.submit(); })
      .finally(function () { busy = false; });
  }

  function swap(html, url) {
    var next = new DOMParser().parseFromString(html, "text/html");
    var main = document.querySelector("main.page");
    var incoming = next.querySelector("main.page");
    if (!main || !incoming) { window.location.href = url; return; }
    main.innerHTML = incoming.innerHTML;
    document.title = next.title;
    history.replaceState(null, "", url);
    // Each card opens at its top, as a freshly loaded page would.
    window.scrollTo(0, 0);
    if (typeof typeset === "function") typeset(main);
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    var details = answer();
    if (e.key === " " || e.key === "Enter") {
      if (details && !details.open) { e.preventDefault(); details.open = true; }
      return;
    }
    if (e.key === "u" || e.key === "U") {
      var undo = document.querySelector(".undo-form");
      if (undo) { e.preventDefault(); post(undo); }
      return;
    }
    if (/^[1-4]$/.test(e.key) && details && details.open) {
      var grades = document.querySelector("form.grades");
      if (grades) { e.preventDefault(); post(grades, { rating: e.key }); }
    }
  });

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches("form.grades, .undo-form")) return;
    e.preventDefault();
    var extra = e.submitter && e.submitter.name === "rating" ? { rating: e.submitter.value } : null;
    post(form, extra);
  });
})();
