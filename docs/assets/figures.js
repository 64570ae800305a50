/* Silicon Digest: the figures index's filter (figures.md). Vanilla JS, no network.
   The form's selects name a table column (data-column); a row stays visible when every
   selected value equals the text of its cell in that column. */
(function () {
  "use strict";

  function setUp() {
    var form = document.getElementById("figure-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var table = null;
    var tables = document.querySelectorAll("article table");
    for (var i = 0; i < tables.length; i++) {
      if (form.compareDocumentPosition(tables[i]) & Node.DOCUMENT_POSITION_FOLLOWING) {
        table = tables[i];
        break;
      }
    }
    if (!table) return;
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = document.getElementById("figure-count");

    function apply() {
      var wanted = selects
        .filter(function (s) { return s.value !== ""; })
        .map(function (s) { return [headers.indexOf(s.dataset.column), s.value]; });
      var shown = 0;
      rows.forEach(function (row) {
        var keep = wanted.every(function (w) {
          var cell = row.cells[w[0]];
          return cell && cell.textContent.trim() === w[1];
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      if (count) {
        count.textContent = shown === rows.length
          ? rows.length + " figures"
          : shown + " of " + rows.length + " figures";
      }
    }

    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  // Material's instant navigation swaps pages without a reload: hook its observable if present.
  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
