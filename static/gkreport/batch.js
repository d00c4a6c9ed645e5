// The batch results page: follow the background run through the progress endpoint and show
// the results when it is finished. Without JavaScript the page refreshes itself (noscript).
(function () {
  "use strict";
  var box = document.getElementById("batch-progress");
  if (!box || box.getAttribute("data-finished") === "1") { return; }
  var url = box.getAttribute("data-progress-url");
  var bar = box.querySelector("progress");
  var label = document.getElementById("batch-status");
  var percent = document.getElementById("batch-percent");

  function show(state) {
    bar.value = state.percent;
    bar.textContent = state.percent + "%";
    percent.textContent = state.percent + "%";
    label.textContent = state.label;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (state) {
        show(state);
        if (state.finished) {
          window.setTimeout(function () { window.location.reload(); }, 400);
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
