/* The "cite this page" box (theme/partials/hall-cite.html): the access date is the reader's
   own day, in each style's form (GB/T 7714: 2026-12-04; Chicago: December 4, 2026), and the
   page's address when the build had no site_url. Copying is hall-visit.js's copy button. */
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fill() {
    var today = new Date();
    var iso = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());
    var english = today.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
    document.querySelectorAll("[data-hall-cite-today]").forEach(function (slot) {
      slot.textContent = slot.getAttribute("data-hall-cite-today") === "iso" ? iso : english;
    });
    document.querySelectorAll("[data-hall-cite-url]").forEach(function (slot) {
      if (!slot.textContent.trim()) slot.textContent = location.origin + location.pathname;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill); else fill();
})();
