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

document.addEventListener("DOMContentLoaded", function () {
  typeset(document.body);
});
