/* Kiosk behaviour of the hall's touch screens (kiosk build only; no framework).
 *
 * - attract screen: full-screen slideshow of the highlights with "Touch to begin", shown
 *   when the page is opened with ?attract (the browser's start page and every idle reset);
 * - idle reset: after `idle` seconds without a touch, a visible countdown, then back to the
 *   attract screen in the default language, with scroll, overlays and storage cleared;
 * - locked down: links that leave the site show their address as a QR code (made at build
 *   time) instead of navigating; no selection, context menu, pinch zoom, print or new windows;
 * - our own "back" trail, cleared at every reset, so one visitor never sees the last one's pages;
 * - browse page: zone / tag / year chips narrow the grid of exhibits.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("hall-kiosk-config");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent);
  var params = new URLSearchParams(window.location.search);
  var IDLE_KEY = "hall-kiosk-idle";
  var TRAIL_KEY = "hall-kiosk-trail";

  function storage(kind) {
    try { return window[kind]; } catch (error) { return null; }
  }
  var local = storage("localStorage");
  var session = storage("sessionStorage");

  // The launcher may set another timeout for this screen: /?attract&idle=120.
  var idleParam = parseInt(params.get("idle"), 10);
  if (local && idleParam > 0) local.setItem(IDLE_KEY, String(idleParam));
  var storedIdle = local ? parseInt(local.getItem(IDLE_KEY), 10) : NaN;
  var idleSeconds = storedIdle > 0 ? storedIdle : config.idle;
  var countdownSeconds = Math.max(1, config.countdown);

  /* ---------- locked down ---------- */

  document.documentElement.classList.add("hall-kiosk");
  var viewport = document.querySelector('meta[name="viewport"]');
  if (viewport) viewport.setAttribute("content", "width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no");

  ["contextmenu", "selectstart", "dragstart", "gesturestart", "gesturechange", "copy", "cut"].forEach(function (type) {
    document.addEventListener(type, function (event) { event.preventDefault(); }, true);
  });
  document.addEventListener("wheel", function (event) {
    if (event.ctrlKey) event.preventDefault(); // ctrl + wheel / trackpad pinch = zoom
  }, { capture: true, passive: false });
  document.addEventListener("touchmove", function (event) {
    if (event.touches && event.touches.length > 1) event.preventDefault(); // pinch
  }, { capture: true, passive: false });
  document.addEventListener("keydown", function (event) {
    var key = (event.key || "").toLowerCase();
    if ((event.ctrlKey || event.metaKey) && "psoufgjh+-=0".indexOf(key) >= 0) event.preventDefault();
    if (key === "f5" || key === "f11" || key === "f12" || (event.altKey && (key === "arrowleft" || key === "arrowright"))) {
      event.preventDefault();
    }
  }, true);
  window.print = function () {};
  window.open = function () { return null; };

  /* ---------- links that leave the site: QR code instead of navigation ---------- */

  var linkOverlay = document.getElementById("hall-kiosk-link");

  function leavesSite(anchor) {
    var href = anchor.getAttribute("href");
    if (!href || href.charAt(0) === "#") return false;
    try {
      var url = new URL(anchor.href, window.location.href);
      return url.origin !== window.location.origin || url.protocol === "javascript:";
    } catch (error) {
      return true;
    }
  }

  function qrFor(href) {
    var templates = document.querySelectorAll("#hall-kiosk-link-qr template");
    for (var i = 0; i < templates.length; i++) {
      if (templates[i].getAttribute("data-hall-qr-for") === href) return templates[i].content.cloneNode(true);
    }
    return null;
  }

  function showLink(href) {
    if (!linkOverlay) return;
    var box = linkOverlay.querySelector("[data-hall-kiosk-qr]");
    var qr = qrFor(href);
    box.textContent = "";
    if (qr) box.appendChild(qr);
    box.hidden = !qr;
    linkOverlay.querySelector("[data-hall-kiosk-noqr]").hidden = !!qr;
    linkOverlay.querySelector("[data-hall-kiosk-url]").textContent = href.replace(/^mailto:/, "");
    linkOverlay.hidden = false;
    var close = linkOverlay.querySelector("[data-hall-kiosk=close]");
    if (close) close.focus();
  }

  function hideLink() {
    if (linkOverlay) linkOverlay.hidden = true;
  }

  if (linkOverlay) {
    linkOverlay.addEventListener("click", function (event) {
      if (event.target === linkOverlay || event.target.closest("[data-hall-kiosk=close]")) hideLink();
    });
  }

  document.addEventListener("click", function (event) {
    var anchor = event.target.closest ? event.target.closest("a[href]") : null;
    if (!anchor) return;
    if (leavesSite(anchor)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      showLink(anchor.getAttribute("href"));
      return;
    }
    if (anchor.hasAttribute("download")) event.preventDefault(); // no downloads on a kiosk
    if (anchor.target && anchor.target !== "_self") anchor.removeAttribute("target"); // no new windows
  }, true);

  /* ---------- our own back trail (cleared at every reset) ---------- */

  function readTrail() {
    try { return JSON.parse((session && session.getItem(TRAIL_KEY)) || "[]"); } catch (error) { return []; }
  }
  function writeTrail(trail) {
    if (session) session.setItem(TRAIL_KEY, JSON.stringify(trail.slice(-50)));
  }
  var here = window.location.pathname;
  var trail = readTrail();
  if (trail[trail.length - 1] !== here) { trail.push(here); writeTrail(trail); }

  document.addEventListener("click", function (event) {
    var back = event.target.closest ? event.target.closest("[data-hall-kiosk=back]") : null;
    if (!back) return;
    var steps = readTrail();
    steps.pop();
    var previous = steps[steps.length - 1];
    writeTrail(steps);
    var home = document.querySelector("[data-hall-kiosk=home]");
    window.location.href = previous || (home ? home.href : config.start);
  });

  /* ---------- idle reset with a visible countdown ---------- */

  var countdown = document.getElementById("hall-kiosk-countdown");
  var idleTimer = null;
  var countTimer = null;
  var remaining = 0;
  var attractShown = false;

  function renderCount() {
    var cells = document.querySelectorAll("[data-hall-kiosk-count]");
    for (var i = 0; i < cells.length; i++) cells[i].textContent = String(remaining);
  }

  function stopCountdown() {
    if (countTimer !== null) { clearInterval(countTimer); countTimer = null; }
  }

  function hideCountdown() {
    stopCountdown();
    if (countdown) countdown.hidden = true;
  }

  function schedule() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(startCountdown, idleSeconds * 1000);
  }

  function startCountdown() {
    remaining = countdownSeconds;
    renderCount();
    if (countdown) countdown.hidden = false;
    stopCountdown();
    countTimer = setInterval(function () {
      remaining -= 1;
      if (remaining <= 0) { stopCountdown(); reset(); } else { renderCount(); }
    }, 1000);
  }

  function reset() {
    clearTimeout(idleTimer);
    try {
      if (session) session.clear();
      if (local) {
        var idle = local.getItem(IDLE_KEY);
        local.clear();
        if (idle) local.setItem(IDLE_KEY, idle);
      }
    } catch (error) { /* storage may be unavailable; the reload still clears the page */ }
    window.location.replace(config.start + "?attract");
  }

  function activity(event) {
    if (attractShown) return;
    if (countdown && !countdown.hidden) {
      // Stop now; the overlay itself goes on the click that ends this touch, so the
      // touch that dismisses it never lands on a link underneath.
      stopCountdown();
      if (event.type !== "pointerdown" && event.type !== "touchstart") hideCountdown();
    }
    schedule();
  }

  ["pointerdown", "touchstart", "keydown", "wheel", "scroll"].forEach(function (type) {
    window.addEventListener(type, activity, { capture: true, passive: true });
  });
  if (countdown) {
    ["click", "pointercancel"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        if (countdown.hidden) return;
        hideCountdown();
        schedule();
        if (type === "click") { event.preventDefault(); event.stopImmediatePropagation(); }
      }, true);
    });
  }

  /* ---------- attract screen ---------- */

  var attract = document.getElementById("hall-attract");
  var slideTimer = null;

  function showAttract() {
    attractShown = true;
    clearTimeout(idleTimer);
    hideCountdown();
    hideLink();
    window.scrollTo(0, 0);
    document.documentElement.classList.add("hall-kiosk--attract");
    attract.hidden = false;
    var slides = attract.querySelectorAll(".hall-attract__slide");
    var index = 0;
    if (slides.length > 1) {
      slideTimer = setInterval(function () {
        slides[index].classList.remove("is-active");
        index = (index + 1) % slides.length;
        slides[index].classList.add("is-active");
      }, 8000);
    }
  }

  function begin(event) {
    if (!attractShown) return;
    if (event) { event.preventDefault(); event.stopImmediatePropagation(); }
    attractShown = false;
    clearInterval(slideTimer);
    attract.hidden = true;
    document.documentElement.classList.remove("hall-kiosk--attract");
    if (window.history.replaceState) window.history.replaceState(null, "", window.location.pathname);
    schedule();
  }

  if (attract && params.has("attract")) {
    showAttract();
    attract.addEventListener("click", begin);
    document.addEventListener("keydown", begin, true);
  } else {
    schedule();
  }

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
    });
  }

  window.hallKiosk = { reset: reset, idleSeconds: idleSeconds, countdownSeconds: countdownSeconds };
})();
