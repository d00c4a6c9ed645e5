// A step that cannot be taken back links to its confirmation page; where the browser has
// <dialog>, the same summary and form open in place instead. Without this script (or
// without <dialog>) the link still leads to the page, so nothing depends on it.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("a[data-confirm]"), function (link) {
    var dialog = document.getElementById(link.getAttribute("data-confirm"));
    if (!dialog || typeof dialog.showModal !== "function") {
      return;
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      dialog.showModal();
    });
    Array.prototype.forEach.call(dialog.querySelectorAll("[data-close-dialog]"), function (close) {
      close.addEventListener("click", function (event) {
        event.preventDefault();
        dialog.close();
      });
    });
  });
  // Publishing renders the final PDF first: the button says it is working, and a second
  // click does not send the form again.
  Array.prototype.forEach.call(document.querySelectorAll("form.confirm-form"), function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[data-busy]");
      if (button) {
        button.textContent = button.getAttribute("data-busy");
        button.disabled = true;
      }
    });
  });
})();
