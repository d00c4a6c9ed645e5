// Statistical table pages: spreadsheet keys, pasting blocks from Excel/WPS, live totals.
// Totals computed here are help only: an entered value is never overwritten.
(function () {
  "use strict";
  var form = document.getElementById("table-form");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input.cell"));
  var byCode = {};
  var grid = {};
  inputs.forEach(function (input) {
    byCode[input.dataset.code] = input;
    var r = +input.dataset.row, c = +input.dataset.col;
    (grid[r] = grid[r] || [])[c] = input;
  });
  var identities = JSON.parse(document.getElementById("identities").textContent);
  var dirty = false;

  // The same reading rules as the server, for display only.
  function readNumber(text) {
    var t = (text || "").replace(/[\uff10-\uff19]/g, function (ch) {
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    });
    t = t.replace(/\uff0e/g, ".").replace(/\uff0c/g, ",").replace(/\u3000|\u00a0/g, " ").trim();
    t = t.replace(/\s*(件|个|项|万元)$/, "");
    if (/^[+]?\d{1,3}([,\s]\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/[,\s]/g, "");
    if (!/^[+]?\d+(\.\d+)?$/.test(t)) return null;
    return parseFloat(t);
  }

  function fmt(n) {
    return String(Math.round(n * 1e6) / 1e6);
  }

  function sum(codes) {
    var total = 0;
    for (var i = 0; i < codes.length; i++) {
      var input = byCode[codes[i]];
      var value = input ? readNumber(input.value) : null;
      if (value === null) return null;
      total += value;
    }
    return total;
  }

  function recompute() {
    var notes = {};
    var status = [];
    identities.forEach(function (identity) {
      var left = sum(identity.left), right = sum(identity.right);
      if (left === null || right === null) return;
      var same = Math.abs(left - right) < 1e-9;
      if (identity.right.length === 1) {
        var code = identity.right[0];
        notes[code] = notes[code] || [];
        if (!same) notes[code].push("按各项合计应为 " + fmt(left));
      } else if (!same) {
        status.push(identity.title + "：左边合计 " + fmt(left) + "，右边合计 " + fmt(right) + "，应相等");
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll(".computed"), function (el) {
      var list = notes[el.dataset.for] || [];
      el.textContent = list.join("；");
      el.classList.toggle("mismatch", list.length > 0);
    });
    var box = document.getElementById("identity-status");
    if (box) {
      box.textContent = status.join("\n");
      box.classList.toggle("text-danger", status.length > 0);
    }
  }

  function move(input, dr, dc) {
    var r = +input.dataset.row + dr, c = +input.dataset.col + dc;
    var row = grid[r];
    if (!row) return;
    var target = row[Math.min(c, row.length - 1)];
    if (dc !== 0) target = row[c];
    if (target) { target.focus(); target.select(); }
  }

  form.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("cell")) return;
    var atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    var atEnd = input.selectionStart === input.value.length;
    var whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) { move(input, 1, 0); event.preventDefault(); }
    else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) { move(input, -1, 0); event.preventDefault(); }
    else if (event.key === "ArrowLeft" && (atStart || whole)) { move(input, 0, -1); event.preventDefault(); }
    else if (event.key === "ArrowRight" && (atEnd || whole)) { move(input, 0, 1); event.preventDefault(); }
  });

  form.addEventListener("paste", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("cell")) return;
    var text = (event.clipboardData || window.clipboardData).getData("text/plain");
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return; // one value: let the browser paste
    event.preventDefault();
    var rows = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    var r0 = +input.dataset.row, c0 = +input.dataset.col;
    rows.forEach(function (line, dr) {
      line.split("\t").forEach(function (value, dc) {
        var row = grid[r0 + dr];
        var target = row && row[c0 + dc];
        if (target) { target.value = value.trim(); target.classList.remove("prefilled"); }
      });
    });
    dirty = true;
    recompute();
  });

  form.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("cell")) {
      event.target.classList.remove("prefilled");
    }
    dirty = true;
    recompute();
  });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  window.gkTable = { readNumber: readNumber, recompute: recompute };
  recompute();
})();
