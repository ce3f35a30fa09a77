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

document.addEventListener("DOMContentLoaded", function () {
  typeset(document.body);
  showStreak();
});
