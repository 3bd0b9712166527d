// Keyboard shortcuts of the review queue and "select all"; the pages work without this file.
(function () {
  "use strict";
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("table.queue tbody tr[data-id]")); }
  var current = -1;
  function focusRow(i) {
    var all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(i, all.length - 1));
    all.forEach(function (r) { r.classList.remove("focus"); });
    all[current].classList.add("focus");
    all[current].scrollIntoView({ block: "nearest" });
  }
  function focused() { return rows()[current] || null; }
  function submitWith(action) {
    var form = document.getElementById("bulk");
    var button = document.getElementById(action === "confirm" ? "bulk-confirm" : "bulk-reject");
    if (form && button) form.requestSubmit(button);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var all = document.getElementById("select-all");
    if (all) all.addEventListener("change", function () {
      rows().forEach(function (r) { var box = r.querySelector("input[type=checkbox]"); if (box) box.checked = all.checked; });
    });
    var reasonField = document.getElementById("reason");
    if (reasonField) reasonField.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); submitWith("reject"); }
    });
    var bulk = document.getElementById("bulk");
    if (bulk) bulk.addEventListener("submit", function (ev) {
      var button = ev.submitter;
      if (button && button.value === "reject") {
        var reason = document.getElementById("reason");
        if (reason && !reason.value.trim()) { ev.preventDefault(); reason.focus(); reason.placeholder = "请先填写驳回理由"; }
      }
      var scope = document.getElementById("scope");
      if (button && button.name === "action" && scope && scope.value === "filter" &&
          !window.confirm("将对当前筛选出的全部待审核事项执行此操作，确定吗？")) ev.preventDefault();
    });
  });
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target && ev.target.tagName) || "";
    if (/INPUT|TEXTAREA|SELECT/.test(tag) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (!document.querySelector("table.queue")) return;
    var row = focused();
    switch (ev.key) {
      case "j": focusRow(current + 1); break;
      case "k": focusRow(current - 1); break;
      case "x": if (row) { var box = row.querySelector("input[type=checkbox]"); if (box) box.checked = !box.checked; } break;
      case "a": var sa = document.getElementById("select-all"); if (sa) { sa.checked = !sa.checked; sa.dispatchEvent(new Event("change")); } break;
      case "o": case "Enter": if (row) { var link = row.querySelector("a.evidence"); if (link) window.location.href = link.href; } break;
      case "c":
        if (row) { var btn = row.querySelector("button.row-confirm"); if (btn) document.getElementById("bulk").requestSubmit(btn); }
        break;
      case "r":
        if (row) { var b = row.querySelector("input[type=checkbox]"); if (b) b.checked = true; }
        var reason = document.getElementById("reason"); if (reason) { ev.preventDefault(); reason.focus(); }
        break;
      default: return;
    }
  });
})();
