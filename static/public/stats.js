// Statistics: choosing a region opens that region's page.
(function () {
  "use strict";
  var form = document.getElementById("stats-region");
  if (!form) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    location.href = "../" + form.region.value + "/";
  });
})();
