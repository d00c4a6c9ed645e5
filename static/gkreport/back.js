// "Back" links: the browser's own back (which keeps what the form held) when there is history;
// otherwise the link's address.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("a[data-history-back]"), function (link) {
    link.addEventListener("click", function (event) {
      if (window.history.length > 1) {
        event.preventDefault();
        window.history.back();
      }
    });
  });
})();
