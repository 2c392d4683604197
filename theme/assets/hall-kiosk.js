/* Kiosk behaviour of the hall's touch screens (kiosk build only; no framework).
 *
 * - attract screen: full-screen slideshow of the highlights with "Touch to begin", shown
 *   when the page is opened with ?attract (the browser's start page and every idle reset);
 * - idle reset: after `idle` seconds without a touch, a visible countdown, then back to the
 *   attract screen in the default language, with scroll, overlays and storage cleared;
 * - locked down: links that leave the site show their address as a QR code (made at build
 *   time) instead of navigating; no selection, context menu, pinch zoom, print or new windows;
 * - our own "back" trail, cleared at every reset, so one visitor never sees the last one's pages;
 * The heartbeat, the text-size button and the browse page's chips: hall-kiosk-tools.js.
 *
 * DOM event contract with the other page scripts (audio guide, read-aloud, panorama):
 * - `hall:activity` dispatched on document = "a visitor is using this" (dispatch it while
 *   media plays or speech speaks): it restarts the idle timer and dismisses the countdown.
 *   Without it, a playing <audio>/<video> and speechSynthesis.speaking count as activity anyway.
 * - `hall:kiosk-countdown` dispatched on document when the countdown starts: close your
 *   overlays (open <dialog>s, popovers, fullscreen and the lightbox are closed here anyway;
 *   the countdown is a modal <dialog>, in the top layer above every z-index).
 * - `hall:kiosk-reset` dispatched on document just before the reset navigates away: stop
 *   your media (speech is cancelled and every <audio>/<video> paused here anyway).
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

  // Ctrl+T and Ctrl+N open a tab or a normal window (with an address bar) that a page cannot
  // prevent; the policy's new-tab page is /?attract&newtab (a tab the kiosk opens itself never
  // has it). It tries to close itself, and reports itself as stray: the launcher then restarts
  // the browser at once, so the kiosk is back to its one window on the attract screen.
  var stray = params.has("newtab");
  if (stray) window.close(); // allowed only for some new tabs: else the launcher restarts the browser

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
    if (key === "f5" || key === "f11" || key === "f12" || key === "f6" || key === "f10" || (event.ctrlKey && key === "delete") ||
        (event.altKey && (key === "arrowleft" || key === "arrowright" || key === "home"))) {
      event.preventDefault();
    }
  }, true);
  window.print = function () {};
  window.open = function () { return null; };

  /* ---------- links that leave the site: QR code instead of navigation ---------- */

  var linkOverlay = document.getElementById("hall-kiosk-link");

  var XLINK = "http://www.w3.org/1999/xlink";

  /* The link a click lands in: HTML <a>, <area> and SVG <a> (whose .href is an
     SVGAnimatedString, so the attribute is read, with the older xlink:href too). */
  function linkOf(target) {
    var link = target && target.closest ? target.closest("a, area") : null;
    if (!link) return null;
    var raw = link.getAttribute("href") || link.getAttributeNS(XLINK, "href");
    return raw ? { element: link, raw: raw } : null;
  }

  function resolve(raw) {
    try { return new URL(raw, document.baseURI); } catch (error) { return null; }
  }

  function leaves(url) {
    return !url || url.origin !== window.location.origin || !/^https?:$/.test(url.protocol);
  }

  /* Same-origin files that are not pages (robots.txt, a photo, a feed) are dead ends on a
     kiosk: no bar, no idle reset. Pages end in / or .html. */
  function isPage(url) {
    var last = url.pathname.split("/").pop();
    return last === "" || /\.html?$/i.test(last) || last.indexOf(".") < 0;
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
    var link = linkOf(event.target);
    if (!link || link.raw.charAt(0) === "#") return;
    var url = resolve(link.raw);
    if (leaves(url)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      showLink(link.raw);
      return;
    }
    if (link.element.hasAttribute("download")) event.preventDefault(); // no downloads on a kiosk
    link.element.removeAttribute("target"); // no new windows (HTML and SVG links alike)
    if (event.ctrlKey || event.shiftKey || event.metaKey || event.altKey) {
      // Ctrl/Shift+click would open a new tab or window: go there in this one instead.
      event.preventDefault();
      event.stopImmediatePropagation();
      if (isPage(url)) window.location.assign(url.href);
    }
  }, true);

  // After the page's own scripts (a lightbox opens its photo link itself and prevents the
  // default): a same-origin file that is not a page would be a dead end, so stay here.
  window.addEventListener("click", function (event) {
    if (event.defaultPrevented) return;
    var link = linkOf(event.target);
    var url = link && resolve(link.raw);
    if (url && !leaves(url) && !isPage(url)) event.preventDefault();
  });

  // A middle click opens a hidden background tab: never on a kiosk.
  document.addEventListener("auxclick", function (event) {
    if (linkOf(event.target)) { event.preventDefault(); event.stopImmediatePropagation(); }
  }, true);
  document.addEventListener("mousedown", function (event) {
    if (event.button === 1) event.preventDefault(); // no autoscroll, no middle-click paste
  }, true);

  // Forms: a form to another site shows its address as a QR code; one to this site may
  // only ask for a page with GET (the kiosk server is read-only: a POST would be an error page).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action") || window.location.href;
    var method = ((submitter && submitter.getAttribute("formmethod")) || form.getAttribute("method") || "get").toLowerCase();
    var url = resolve(action);
    form.removeAttribute("target");
    if (leaves(url)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      showLink(action);
    } else if (method !== "get" || !isPage(url)) {
      event.preventDefault();
    }
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

  function countdownShown() {
    return !!countdown && (countdown.open || countdown.hasAttribute("open"));
  }

  function hideCountdown() {
    stopCountdown();
    if (!countdownShown()) return;
    if (typeof countdown.close === "function") countdown.close(); else countdown.removeAttribute("open");
  }

  /* Everything that could cover the countdown or outlive the visitor: closed as it starts. */
  function closeOverlays() {
    hideLink();
    var close = document.querySelector(".pswp--open .pswp__button--close");
    if (close) close.click();
    Array.prototype.forEach.call(document.querySelectorAll("dialog[open]"), function (dialog) {
      if (dialog !== countdown && typeof dialog.close === "function") dialog.close();
    });
    try {
      Array.prototype.forEach.call(document.querySelectorAll(":popover-open"), function (element) { element.hidePopover(); });
    } catch (error) { /* no popover support: nothing is open */ }
    if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
  }

  function speaking() {
    return !!(window.speechSynthesis && (window.speechSynthesis.speaking || window.speechSynthesis.pending));
  }

  function mediaPlaying() {
    var media = document.querySelectorAll("audio, video");
    for (var i = 0; i < media.length; i++) {
      if (!media[i].paused && !media[i].ended) return true;
    }
    return false;
  }

  function stopMedia() {
    try { if (window.speechSynthesis) window.speechSynthesis.cancel(); } catch (error) { /* no speech */ }
    Array.prototype.forEach.call(document.querySelectorAll("audio, video"), function (media) { media.pause(); });
  }

  function schedule() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(idle, idleSeconds * 1000);
  }

  function idle() {
    // Someone listening to the audio guide or to read-aloud is a visitor, not an empty screen.
    if (speaking() || mediaPlaying()) { schedule(); return; }
    startCountdown();
  }

  function startCountdown() {
    remaining = countdownSeconds;
    renderCount();
    closeOverlays();
    document.dispatchEvent(new CustomEvent("hall:kiosk-countdown"));
    if (countdown && !countdownShown()) {
      // A modal <dialog> sits in the top layer, above every z-index (lightbox, panorama, QR overlay).
      if (typeof countdown.showModal === "function") countdown.showModal(); else countdown.setAttribute("open", "");
    }
    stopCountdown();
    countTimer = setInterval(function () {
      remaining -= 1;
      if (remaining <= 0) { stopCountdown(); reset(); } else { renderCount(); }
    }, 1000);
  }

  function reset() {
    clearTimeout(idleTimer);
    document.dispatchEvent(new CustomEvent("hall:kiosk-reset"));  // the heartbeat stops too
    stopMedia();
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
    if (countdownShown()) {
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
  // Other scripts say a visitor is listening or watching; media says so itself.
  document.addEventListener("hall:activity", activity);
  ["play", "playing"].forEach(function (type) { document.addEventListener(type, activity, true); });
  if (countdown) {
    countdown.addEventListener("cancel", function (event) { // Escape: the visitor is here
      event.preventDefault();
      hideCountdown();
      schedule();
    });
    ["click", "pointercancel"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        if (!countdownShown()) return;
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

  window.hallKiosk = { reset: reset, idleSeconds: idleSeconds, countdownSeconds: countdownSeconds };
})();
