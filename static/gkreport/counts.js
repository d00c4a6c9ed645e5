// Character counts under narrative text areas, and a guard against leaving unsaved text.
(function () {
  "use strict";
  var dirty = false;
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-count]"), function (area) {
    var counter = document.createElement("div");
    counter.className = "form-text text-end char-count";
    area.insertAdjacentElement("afterend", counter);
    function update() { counter.textContent = area.value.replace(/\s/g, "").length + " 字"; }
    area.addEventListener("input", function () { dirty = true; update(); });
    update();
  });
  Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
    form.addEventListener("submit", function () { dirty = false; });
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
