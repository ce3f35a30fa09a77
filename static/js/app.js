// Typesets the math that the server left between \( \) and \[ \] delimiters, once KaTeX has loaded.
function typeset(root) {
  if (typeof renderMathInElement !== "function") return;
  renderMathInElement(root || document.body, {
    delimiters: [
      { left: "\\[", right: "\\]", display: true },
      { left: "\\(", right: "\\)", display: false }
    ],
    throwOnError: false
  });
}

// The header's streak badge: filled from /api/stats so every page shows it without each route computing it.
function showStreak() {
  var badge = document.getElementById("streak-badge");
  if (!badge || !window.fetch) return;
  fetch("/api/stats", { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (s) {
      if (!s) return;
      document.getElementById("streak-count").textContent = s.currentStreak;
      badge.classList.add("shown");
      badge.classList.toggle("lit", s.todayCounted);
      badge.title = s.currentStreak + "-day streak" + (s.todayCounted ? " (today counts)" : " (answer a card to keep it)");
    })
    .catch(function () {});
}

// The header search box lists the best matches while the learner types (the last word matches as a prefix);
// Enter still opens the full results page.
function searchSuggestions(form) {
  var input = form.querySelector("input[name=q]");
  var list = document.createElement("ul");
  list.className = "search-suggest";
  list.hidden = true;
  form.appendChild(list);
  var timer = null;
  var latest = 0;

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function show(hits) {
    list.replaceChildren();
    hits.slice(0, 8).forEach(function (hit) {
      var link = document.createElement("a");
      link.href = (hit.type === "paper" ? "/papers/" : "/cards/") + hit.id;
      var kind = document.createElement("span");
      kind.className = "kind kind-" + hit.type;
      kind.textContent = hit.type;
      var title = document.createElement("strong");
      title.textContent = hit.title;
      var snippet = document.createElement("div");
      snippet.className = "snippet";
      // The server escapes the snippet and adds only <mark> around the matching words.
      snippet.innerHTML = hit.snippet;
      link.append(kind, title);
      if (hit.deck) {
        var deck = document.createElement("span");
        deck.className = "deck";
        deck.textContent = " · " + hit.deck;
        link.append(deck);
      }
      link.append(snippet);
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = hits.length === 0;
  }

  function suggest() {
    var ticket = ++latest;
    if (!input.value.trim()) {
      list.hidden = true;
      return;
    }
    fetch("/api/search?q=" + encodeURIComponent(input.value), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (hits) {
        // An older answer arriving after a newer one must not replace it.
        if (ticket === latest) show(hits);
      })
      .catch(function () { list.hidden = true; });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  form.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      list.hidden = true;
      input.focus();
    } else if (event.key === "ArrowDown" && !list.hidden && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) list.hidden = true;
  });
}

// A form refused with errors shows the first one (and its field) on screen, wherever it is on a long page.
function showFirstError() {
  var error = document.querySelector(".field-error");
  if (!error) return;
  error.scrollIntoView({ block: "center" });
  var field = error.parentElement && error.parentElement.querySelector("[aria-invalid=true], input:not([type=hidden]), textarea, select");
  if (field) field.focus({ preventScroll: true });
}

// Charts and the heatmap: a tap (or click) on a square or bar shows its count beneath, since phones have no hover.
function tapReadouts() {
  document.querySelectorAll("[data-readout]").forEach(function (box) {
    var readout = box.querySelector(".tap-readout");
    if (!readout) return;
    box.addEventListener("click", function (event) {
      var shape = event.target.closest("rect, g");
      var title = shape && (shape.querySelector("title") || (shape.parentElement && shape.parentElement.querySelector(":scope > title")));
      if (title) readout.textContent = title.textContent;
    });
  });
  // The year opens on its latest weeks when it has to scroll.
  document.querySelectorAll(".heatmap").forEach(function (map) { map.scrollLeft = map.scrollWidth; });
}

document.addEventListener("DOMContentLoaded", function () {
  typeset(document.body);
  showStreak();
  document.querySelectorAll(".search-box").forEach(searchSuggestions);
  showFirstError();
  tapReadouts();
});
