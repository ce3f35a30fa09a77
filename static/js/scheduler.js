// The live fit: polls the server for the running fit's progress and pictures (drawn on the server, the same as the result's)
// and swaps them in; when the fit is over, shows its result.
(function () {
  var live = document.getElementById("live");
  if (!live || !window.fetch) return;
  var id = live.getAttribute("data-fit");
  var body = document.getElementById("live-body");

  function poll() {
    fetch("/scheduler/fits/" + id + "/live", { headers: { Accept: "text/html" } })
      .then(function (response) {
        var status = response.headers.get("X-Fit-Status");
        return response.text().then(function (html) { return { status: status, html: html }; });
      })
      .then(function (r) {
        if (r.status === "running") {
          body.innerHTML = r.html;
          setTimeout(poll, 400);
        } else {
          window.location.assign("/scheduler?fit=" + id + "#result");
        }
      })
      .catch(function () { setTimeout(poll, 1500); });
  }
  poll();
})();
