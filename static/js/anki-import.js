// The "Import from Anki" form: the package is sent as the raw request body so the bar can show the upload as it goes,
// then the page reloads onto the finished report. Without this script the form still posts as multipart.
function ankiUpload(form) {
  var input = form.querySelector("input[type=file]");
  var button = form.querySelector("button[type=submit]");
  var box = form.querySelector(".upload-progress");
  var bar = box.querySelector("progress");
  var status = box.querySelector(".upload-status");
  var error = form.querySelector(".upload-error");

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + " MB";
  }

  function fail(message) {
    box.hidden = true;
    button.disabled = false;
    error.textContent = message;
    error.hidden = false;
  }

  form.addEventListener("submit", function (event) {
    var file = input.files && input.files[0];
    if (!file || !window.XMLHttpRequest) return;
    event.preventDefault();
    error.hidden = true;
    box.hidden = false;
    button.disabled = true;
    bar.value = 0;
    bar.max = 100;
    status.textContent = "Uploading " + file.name + " (" + megabytes(file.size) + ")…";
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/import/anki?name=" + encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.value = Math.round(100 * e.loaded / e.total);
      status.textContent = "Uploading: " + megabytes(e.loaded) + " of " + megabytes(e.total);
    };
    xhr.upload.onload = function () {
      // The server now reads the package, writes the cards and replays their history: the bar shows work under way.
      bar.removeAttribute("value");
      status.textContent = "Importing cards and review history…";
    };
    xhr.onload = function () {
      if (xhr.status === 200) {
        window.location.assign("/import?anki=latest#anki");
        return;
      }
      var message = "The import failed (" + xhr.status + ").";
      try {
        message = JSON.parse(xhr.responseText).error || message;
      } catch (ignored) {}
      fail(message);
    };
    xhr.onerror = function () {
      fail("The upload was cut off before the server answered. If the file is very large, check it is under the limit.");
    };
    xhr.send(file);
  });
}

// Buttons that change a lot at once (undoing an import) ask first.
function confirmBeforeSubmit(form) {
  form.addEventListener("submit", function (event) {
    if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
  });
}

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-anki-upload]").forEach(ankiUpload);
  document.querySelectorAll("form[data-confirm]").forEach(confirmBeforeSubmit);
});
