// 使用上年内容 on a part page: last year's text of a piece goes into its field at once,
// unsaved. Text already typed there is replaced only when the person says so. Without this
// script the same button posts the form and the server does it (reports/last_year_text.py).
(function () {
  "use strict";
  var source = document.getElementById("last-year-text");
  if (!source) return;
  var texts = {};
  JSON.parse(source.textContent).forEach(function (piece) { texts[piece.key] = piece.text; });

  Array.prototype.forEach.call(document.querySelectorAll("button.use-previous"), function (button) {
    button.addEventListener("click", function (event) {
      var field = document.getElementById(button.dataset.target);
      var text = texts[button.value];
      if (!field || text === undefined) return; // let the form ask the server
      event.preventDefault();
      var typed = field.value.replace(/\r\n/g, "\n");
      if (typed !== text && typed.trim() !== "" &&
          !window.confirm("“" + button.dataset.label + "”已有文字。用上年内容替换这些文字吗？")) {
        return;
      }
      field.value = text;
      // counts.js counts the characters and guards the unsaved text on "input".
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.scrollIntoView({ block: "nearest" });
      field.focus();
    });
  });
})();
