/* The visiting strip's "copy address" button (theme/partials/hall-visit.html). Hidden in the
   HTML and shown here, so that without JS or without a way to copy no dead button remains;
   the result is announced in the strip's role="status" line. */
(function () {
  "use strict";
  /* The old way first needs no permission (WeChat's browser, plain http); the Clipboard API after. */
  function copyByCommand(text) {
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  function copyText(text) {
    if (copyByCommand(text)) return Promise.resolve();
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error("no clipboard"));
  }
  function setUp() {
    document.querySelectorAll("[data-hall-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-hall-copy"));
      if (!source || button.hasAttribute("data-hall-ready")) return;
      button.setAttribute("data-hall-ready", "");
      button.hidden = false;
      var status = button.parentNode.querySelector(".hall-visit__status");
      button.addEventListener("click", function () {
        copyText(source.textContent.trim()).then(function () {
          if (status) status.textContent = button.getAttribute("data-hall-copied");
        }, function () {
          var range = document.createRange(); range.selectNodeContents(source);
          var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
        });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp); else setUp();
})();
