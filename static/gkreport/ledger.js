// The ledger's grid: spreadsheet keys, pasting rows copied from Excel/WPS (more rows are
// added as needed), and a save that sends only the rows that changed. The server reads
// every cell again and refuses what it cannot read: nothing here decides what is valid.
(function () {
  "use strict";
  var form = document.getElementById("ledger-form");
  if (!form) return;
  var body = document.getElementById("ledger-rows");
  var template = document.getElementById("ledger-new-row");
  var maxNew = +form.dataset.maxNew || 0;
  var dirty = false;

  function cells() {
    return Array.prototype.slice.call(body.querySelectorAll(".lcell"));
  }

  // grid[row][column] → the input or textarea there.
  function grid() {
    var found = {};
    cells().forEach(function (cell) {
      var r = +cell.dataset.row, c = +cell.dataset.col;
      (found[r] = found[r] || [])[c] = cell;
    });
    return found;
  }

  function rowCount() {
    return body.querySelectorAll("tr.entry-row").length;
  }

  function newRows() {
    return body.querySelectorAll('tr.entry-row[data-key^="n-"]').length;
  }

  // A blank row at the end, numbered after the last one (keys and places are unique).
  function addRow() {
    if (!template || newRows() >= maxNew) return null;
    var keys = Array.prototype.map.call(body.querySelectorAll('tr.entry-row[data-key^="n-"]'), function (tr) {
      return +tr.dataset.key.slice(2);
    });
    var key = keys.length ? Math.max.apply(null, keys) + 1 : 0;
    var html = template.innerHTML.replace(/__key__/g, String(key)).replace(/__row__/g, String(rowCount()));
    body.insertAdjacentHTML("beforeend", html);
    return body.lastElementChild;
  }

  var add = document.getElementById("add-row");
  if (add) {
    add.addEventListener("click", function () {
      var row = addRow();
      if (row) row.querySelector(".lcell").focus();
      else tell(["本页一次最多新增" + maxNew + "条申请，请先保存"]);
    });
  }

  function move(cell, dr, dc) {
    var rows = grid();
    var r = +cell.dataset.row + dr, c = +cell.dataset.col + dc;
    var target = rows[r] && rows[r][c];
    if (target) { target.focus(); if (target.select) target.select(); }
  }

  form.addEventListener("keydown", function (event) {
    var cell = event.target;
    if (!cell.classList || !cell.classList.contains("lcell")) return;
    var atStart = cell.selectionStart === 0 && cell.selectionEnd === 0;
    var atEnd = cell.selectionStart === cell.value.length;
    var whole = cell.selectionStart === 0 && cell.selectionEnd === cell.value.length;
    // Enter moves down as in a spreadsheet; Alt+Enter starts a new line in a text cell.
    if (event.key === "Enter" && event.altKey && cell.tagName === "TEXTAREA") return;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) { move(cell, 1, 0); event.preventDefault(); }
    else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) { move(cell, -1, 0); event.preventDefault(); }
    else if (event.key === "ArrowLeft" && (atStart || whole)) { move(cell, 0, -1); event.preventDefault(); }
    else if (event.key === "ArrowRight" && (atEnd || whole)) { move(cell, 0, 1); event.preventDefault(); }
  });

  // Text copied from a spreadsheet: tab-separated cells, one line per row; a cell holding
  // a tab, a line break or a quote comes quoted ("a ""b""" is a "b").
  function parse(text) {
    var rows = [], row = [], cell = "", i = 0, quoted = false;
    text = text.replace(/\r\n?/g, "\n");
    if (text.slice(-1) === "\n") text = text.slice(0, -1);
    while (i < text.length) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        if (ch === '"') { quoted = false; i += 1; continue; }
        cell += ch; i += 1; continue;
      }
      if (ch === '"' && cell === "") { quoted = true; i += 1; continue; }
      if (ch === "\t") { row.push(cell); cell = ""; i += 1; continue; }
      if (ch === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i += 1; continue; }
      cell += ch; i += 1;
    }
    row.push(cell);
    rows.push(row);
    return rows;
  }

  form.addEventListener("paste", function (event) {
    var start = event.target;
    if (!start.classList || !start.classList.contains("lcell")) return;
    var text = (event.clipboardData || window.clipboardData).getData("text/plain");
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return; // one value: the browser pastes it
    event.preventDefault();
    var lines = parse(text);
    var r0 = +start.dataset.row, c0 = +start.dataset.col;
    var rows = grid();
    var width = rows[r0].length;
    var cutColumns = 0, cutRows = 0, added = 0;
    lines.forEach(function (values, dr) {
      var r = r0 + dr;
      if (!rows[r]) {
        if (!addRow()) { cutRows += 1; return; }
        added += 1;
        rows = grid();
      }
      values.forEach(function (value, dc) {
        var target = rows[r][c0 + dc];
        if (target) { target.value = value.trim(); changed(target); }
        else if (value.trim() !== "") cutColumns = Math.max(cutColumns, c0 + dc - width + 1);
      });
    });
    var parts = [];
    if (added) parts.push("添加了" + added + "行");
    if (cutColumns) parts.push("粘贴的内容超出表格右边" + cutColumns + "列，超出的部分没有粘贴");
    if (cutRows) parts.push("本页一次最多新增" + maxNew + "条申请，另有" + cutRows + "行没有粘贴，请先保存再粘贴其余的行，或用“从Excel导入”");
    tell(parts);
  });

  // What a paste did beyond filling cells is said in the box above the grid.
  function tell(parts) {
    var box = document.getElementById("paste-status");
    if (!box) return;
    box.querySelector(".paste-message").textContent = parts.length ? parts.join("；") + "。" : "";
    box.hidden = parts.length === 0;
  }
  var close = document.querySelector("#paste-status button");
  if (close) close.addEventListener("click", function () { close.parentNode.hidden = true; });

  function changed(cell) {
    var row = cell.closest("tr");
    if (row) row.classList.add("is-changed");
    dirty = true;
  }

  form.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("lcell")) changed(event.target);
  });
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") changed(event.target);
  });

  // Only the rows that changed are sent (the server treats a row not sent as unchanged):
  // a page of 100 applications makes a small request. Blank new rows are not sent either.
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(body.querySelectorAll("tr.entry-row"), function (tr) {
      var fields = tr.querySelectorAll("input, textarea");
      var isNew = tr.dataset.key.indexOf("n-") === 0;
      // A row shown back as typed (refused) is sent again, or its text would be lost.
      var keep = tr.classList.contains("has-refused") || Array.prototype.some.call(fields, function (field) {
        if (field.type === "checkbox") return field.checked;
        if (field.type === "hidden") return false;
        return isNew ? field.value.trim() !== "" : field.value !== field.defaultValue;
      });
      if (!keep) Array.prototype.forEach.call(fields, function (field) { field.disabled = true; });
    });
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
