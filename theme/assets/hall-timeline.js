/* Timeline group filter: a progressive enhancement. Without JavaScript the form stays
   hidden and every event is shown; with it, unticking a group hides its events, and an
   era band with nothing left to show is hidden too. Works with Material's instant
   navigation (document$) and without it. */
(function () {
  "use strict";

  function setup() {
    var form = document.querySelector("[data-hall-timeline-filter]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var events = Array.prototype.slice.call(document.querySelectorAll(".hall-timeline .hall-event"));
    var eras = Array.prototype.slice.call(document.querySelectorAll(".hall-timeline .hall-era"));
    var status = form.querySelector(".hall-timeline-filter__status");
    var template = form.getAttribute("data-shown-template") || "{shown} / {total}";

    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[name=group]"), function (box) {
        wanted[box.value] = box.checked;
      });
      var shown = 0;
      events.forEach(function (event) {
        var visible = wanted[event.getAttribute("data-group")] !== false;
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      eras.forEach(function (era) {
        era.hidden = !era.querySelector(".hall-event:not([hidden])");
      });
      if (status) {
        status.textContent = template.replace("{shown}", shown).replace("{total}", events.length);
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
