/* Kiosk page tools that keep no idle state (kiosk build only; hall-kiosk.js does the rest):
 * - alive: POST /__hall-kiosk/alive every 15 s; the launcher restarts a browser whose
 *   screen stopped beating (error page, sad tab, hung renderer: hall/cli/kioskbrowser.py);
 * - text size: the bar's button steps 100 → 125 → 150 % (hall-a11y.js); the idle reset
 *   undoes it with the rest of the visitor's settings;
 * - browse page: zone / tag / year chips narrow the grid of exhibits (replaces search,
 *   which needs a keyboard). */
(function () {
  "use strict";

  /* ---------- alive: the launcher's watchdog restarts a screen that stops beating ---------- */

  var stray = new URLSearchParams(window.location.search).has("newtab");  // see hall-kiosk.js
  var ALIVE = "/__hall-kiosk/alive" + (stray ? "?stray" : "");
  function beat() {
    // Only a page on screen counts: a hall page left behind a blocked tab (Ctrl+J) must not
    // keep the watchdog quiet.
    if (document.visibilityState === "hidden" && !stray) return;
    if (!window.fetch || !/^https?:$/.test(window.location.protocol)) return;
    window.fetch(ALIVE, { method: "POST", cache: "no-store", keepalive: true }).catch(function () { /* server restarting */ });
  }
  beat();
  var beatTimer = setInterval(beat, 15000);
  document.addEventListener("hall:kiosk-reset", function () { clearInterval(beatTimer); });

  /* ---------- text size: the kiosk's magnifier (pinch zoom is off) ---------- */

  var SIZES = ["100", "125", "150"];
  function showSize() {
    var size = document.documentElement.getAttribute("data-hall-text") || "100";
    var cells = document.querySelectorAll("[data-hall-kiosk-size]");
    for (var i = 0; i < cells.length; i++) cells[i].textContent = size + "%";
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-hall-kiosk=text-size]") : null;
    if (!button) return;
    var size = document.documentElement.getAttribute("data-hall-text") || "100";
    var next = SIZES[(SIZES.indexOf(size) + 1) % SIZES.length];
    if (window.hallA11y) window.hallA11y.setSize(next);
    else if (next === "100") document.documentElement.removeAttribute("data-hall-text");
    else document.documentElement.setAttribute("data-hall-text", next);
    showSize();
  });
  showSize();

  /* ---------- browse page: narrow by zone, tag or year ---------- */

  var browse = document.querySelector("[data-hall-browse]");
  if (browse) {
    var keys = JSON.parse(browse.querySelector("[data-hall-browse-keys]").textContent);
    var cards = browse.querySelectorAll(".hall-browse__results > li");
    browse.addEventListener("click", function (event) {
      var chip = event.target.closest(".hall-browse__chip");
      if (!chip) return;
      var facet = chip.getAttribute("data-facet");
      var key = chip.getAttribute("data-key");
      var chips = browse.querySelectorAll(".hall-browse__chip");
      for (var i = 0; i < chips.length; i++) chips[i].setAttribute("aria-pressed", String(chips[i] === chip));
      for (var j = 0; j < cards.length; j++) {
        cards[j].hidden = !!facet && (keys[j][facet] || []).indexOf(key) < 0;
      }
      // In landscape the results start under the bar: bring them up, so the tap shows its effect.
      var results = browse.querySelector(".hall-browse__results");
      var bar = document.querySelector(".hall-kiosk-bar");
      var limit = window.innerHeight - (bar ? bar.offsetHeight : 0) - 120;
      if (results && results.getBoundingClientRect().top > limit) {
        results.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    });
  }
})();
