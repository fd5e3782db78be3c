// cronicar: keyboard movement along a story timeline.  Pages work without it: events are
// <details>, so click / Enter / Space open them natively; this adds Up/Down (and j/k) to move
// between events, Home/End, and "o" to open or close every event.
(function () {
  "use strict";
  function summaries() {
    // only the events on screen: those folded away (background) are skipped until unfolded
    return Array.prototype.slice.call(document.querySelectorAll("#timeline .event summary"))
      .filter(function (s) { return s.getClientRects().length > 0; });
  }
  document.addEventListener("keydown", function (ev) {
    var items = summaries();
    if (!items.length || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var target = ev.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
    var i = items.indexOf(target);
    var next = null;
    if (ev.key === "ArrowDown" || ev.key === "j") next = i < 0 ? 0 : Math.min(items.length - 1, i + 1);
    else if (ev.key === "ArrowUp" || ev.key === "k") next = i < 0 ? 0 : Math.max(0, i - 1);
    else if (ev.key === "Home" && i >= 0) next = 0;
    else if (ev.key === "End" && i >= 0) next = items.length - 1;
    else if (ev.key === "o") {
      var open = !items.every(function (s) { return s.parentNode.open; });
      items.forEach(function (s) { s.parentNode.open = open; });
      ev.preventDefault();
      return;
    }
    if (next !== null) {
      items[next].focus();
      items[next].scrollIntoView({ block: "nearest" });
      ev.preventDefault();
    }
  });
  // Opening an event from a link (#ev-3) shows its sources straight away.
  function openHash() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    if (el && el.classList.contains("event")) {
      var fold = el.closest("details.background-fold");
      if (fold) fold.open = true;
      var d = el.querySelector("details");
      if (d) { d.open = true; d.querySelector("summary").focus(); }
    }
  }
  window.addEventListener("hashchange", openHash);
  document.addEventListener("DOMContentLoaded", openHash);
})();
