// The availability grid: paint by click or drag, and by keyboard (arrows move, Space paints, Shift+arrow paints
// as it moves). Without this script every cell is still a checkbox of the form.
(function () {
  "use strict";
  function init() {
    var table = document.querySelector("table.week");
    if (!table) { return; }
    var cells = Array.prototype.slice.call(table.querySelectorAll("input[name=cell]"));
    var columns = table.querySelectorAll("thead th").length - 1;
    var painting = null;
    cells.forEach(function (c, i) { c.tabIndex = i === 0 ? 0 : -1; });
    // Open the grid at the first painted time of the week, or at 7 AM.
    var scroller = table.closest(".week-scroll");
    var painted = table.querySelector("input[name=cell]:checked");
    var row = painted ? painted.closest("tr") : table.tBodies[0].rows[28];
    if (scroller && row) { scroller.scrollTop = Math.max(0, row.offsetTop - table.tHead.offsetHeight - 8); }
    function at(i) { return cells[i]; }
    function focus(i) {
      if (i < 0 || i >= cells.length) { return null; }
      cells.forEach(function (c) { c.tabIndex = -1; });
      cells[i].tabIndex = 0;
      cells[i].focus();
      return cells[i];
    }
    table.addEventListener("pointerdown", function (e) {
      var c = e.target.closest("td") && e.target.closest("td").querySelector("input");
      if (!c || c.disabled) { return; }
      e.preventDefault();
      painting = !c.checked;
      c.checked = painting;
      focus(cells.indexOf(c));
    });
    table.addEventListener("pointerover", function (e) {
      if (painting === null) { return; }
      var c = e.target.closest("td") && e.target.closest("td").querySelector("input");
      if (c && !c.disabled) { c.checked = painting; }
    });
    document.addEventListener("pointerup", function () { painting = null; });
    table.addEventListener("click", function (e) {
      // A pointer's click was painted on pointerdown; the keyboard's (detail 0) toggles as usual.
      if (e.detail > 0 && e.target.matches("input[name=cell]")) { e.preventDefault(); }
    });
    table.addEventListener("keydown", function (e) {
      var i = cells.indexOf(document.activeElement);
      if (i < 0) { return; }
      var step = { ArrowUp: -columns, ArrowDown: columns, ArrowLeft: -1, ArrowRight: 1 }[e.key];
      if (step === undefined) { return; }
      e.preventDefault();
      var next = focus(i + step);
      if (next && e.shiftKey && !next.disabled) {
        next.checked = at(i).checked || !next.checked;
      }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
