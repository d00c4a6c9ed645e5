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
  var rowCount = Object.keys(grid).length;
  var identities = JSON.parse(document.getElementById("identities").textContent);
  // The words under a cell, as the server words its own notes (checks/messages.CELL_NOTES).
  var cellNotes = JSON.parse(document.getElementById("cell-notes").textContent);
  var dirty = false;

  function note(name, values) {
    return cellNotes[name].replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  // Cells are read by values.js exactly as the server reads them. Without it (a browser
  // too old for its regular expressions) the table still works, only without live totals.
  var values = window.gkValues;
  var live = !!values && typeof BigInt === "function";
  var SCALE = 7; // one digit more than the 6 decimals an amount may have: room for half units

  function reading(input) {
    return values.read(input.value, input.dataset.kind);
  }

  // A value read by values.js (a decimal string) as a whole number of 10^-SCALE units.
  function scaled(value) {
    var parts = value.split(".");
    var decimals = parts[1] || "";
    return BigInt(parts[0] + decimals + "0".repeat(SCALE - decimals.length));
  }

  // The operands' sum, or null when one of them is not a number the server would read
  // (blank, “/”, or refused): then the server does not assess the identity either.
  // `half` is how far the true sum may lie from the stated one, the stated figures being
  // rounded to their decimals (checks/identities.py _interval); it matters for 万元 only.
  function sum(codes) {
    var total = BigInt(0), half = BigInt(0), decimals = 0, amount = false;
    for (var i = 0; i < codes.length; i++) {
      var input = byCode[codes[i]];
      var read = input ? reading(input) : null;
      if (!read || read.status !== "value") return null;
      var places = (read.value.split(".")[1] || "").length;
      total += scaled(read.value);
      half += BigInt(5) * BigInt(10) ** BigInt(SCALE - places - 1);
      decimals = Math.max(decimals, places);
      amount = amount || input.dataset.kind === "amount";
    }
    return { total: total, half: half, decimals: decimals, amount: amount };
  }

  // As the server decides: counts must match exactly; amounts when some rounding of
  // the stated decimals can make the two sides equal.
  function agree(left, right) {
    if (!left.amount && !right.amount) return left.total === right.total;
    return left.total - left.half <= right.total + right.half &&
      right.total - right.half <= left.total + left.half;
  }

  // A sum printed with the most decimals among its operands, as Python's Decimal adds.
  function fmt(sum) {
    var digits = (sum.total < 0 ? -sum.total : sum.total).toString().padStart(SCALE + 1, "0");
    var whole = digits.slice(0, -SCALE);
    var fraction = digits.slice(-SCALE, digits.length - SCALE + sum.decimals);
    return (sum.total < 0 ? "-" : "") + whole + (fraction ? "." + fraction : "");
  }

  // Live totals come only from the format's identities (the JSON in the page).
  function recompute() {
    if (!live) return;
    var notes = {};
    var status = [];
    identities.forEach(function (identity) {
      var left = sum(identity.left), right = sum(identity.right);
      if (left === null || right === null) return;
      if (agree(left, right)) return;
      // Under the sum's last cell, where the server puts its finding (its total).
      var code = identity.right[identity.right.length - 1];
      notes[code] = notes[code] || [];
      if (identity.right.length === 1) {
        notes[code].push(note("total", { total: fmt(left) }));
      } else {
        notes[code].push(note("sides", { left: fmt(left), right: fmt(right) }));
        status.push(identity.title + "：左边合计 " + fmt(left) + "，右边合计 " + fmt(right) + "，应相等");
      }
    });
    Array.prototype.forEach.call(form.querySelectorAll(".computed"), function (el) {
      var input = byCode[el.dataset.for];
      var read = input ? reading(input) : null;
      // A value the server would refuse: say why, in the server's words, instead of a total.
      var refused = read && read.status === "error";
      var list = refused ? [read.error] : notes[el.dataset.for] || [];
      if (read && read.status === "not_applicable") { refused = true; list = [note("not_applicable", {})]; }
      el.textContent = list.join("；");
      el.classList.toggle("mismatch", !refused && list.length > 0);
      el.classList.toggle("unreadable", refused);
      // The server's other notes are about the saved value: gone once the cell is changed.
      var saved = el.parentNode.querySelectorAll(".cell-note");
      Array.prototype.forEach.call(saved, function (told) {
        told.hidden = input.value !== input.defaultValue;
      });
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
    // What did not fit: the most columns cut from one row (named by the last column that
    // got a value) and the rows below the grid. Blank cells cut off lose nothing.
    var cut = { columns: 0, last: null, rows: 0 };
    rows.forEach(function (line, dr) {
      var row = grid[r0 + dr];
      var values = line.split("\t");
      var filled = values.map(function (value) { return value.trim() !== ""; }).lastIndexOf(true) + 1;
      if (!row) {
        if (filled) cut.rows = dr + 1 - (rowCount - r0);
        return;
      }
      values.forEach(function (value, dc) {
        var target = row[c0 + dc];
        if (target) { target.value = value.trim(); target.classList.remove("prefilled"); }
      });
      // A row of table 2 may be shorter than the column pasted into: nothing of it fits.
      var room = Math.max(row.length - c0, 0);
      if (filled - room > cut.columns) {
        cut.columns = filled - room;
        cut.last = room ? row[row.length - 1] : null;
      }
    });
    tellCut(cut);
    dirty = true;
    recompute();
  });

  // Nothing pasted is dropped silently: the box above the grid says what was cut.
  function tellCut(cut) {
    var box = document.getElementById("paste-status");
    if (!box) return;
    var parts = [];
    if (cut.columns) {
      var upTo = cut.last ? "只粘贴到“" + cut.last.dataset.column + "”列，" : "";
      parts.push("粘贴的内容超出表格右边" + cut.columns + "列：" + upTo + "超出的" + cut.columns + "列没有粘贴");
    }
    if (cut.rows) {
      parts.push("粘贴的内容超出表格下边" + cut.rows + "行：只粘贴到表格的最后一行，超出的" + cut.rows + "行没有粘贴");
    }
    box.querySelector(".paste-message").textContent = parts.length ? parts.join("；") + "。请核对复制的范围和粘贴的起始格。" : "";
    box.hidden = parts.length === 0;
  }
  var closeCut = document.querySelector("#paste-status button");
  if (closeCut) closeCut.addEventListener("click", function () { closeCut.parentNode.hidden = true; });

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
  window.gkTable = { recompute: recompute };
  recompute();
})();
