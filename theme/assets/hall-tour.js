/* The 720° tour's viewer (theme/tour.html, hall/pages/tour.py): turns the scene's preview photo
   into Pannellum's viewer, from the JSON the page carries (#hall-tour-config).
   - Without WebGL (or if Pannellum fails) nothing changes: the preview photo and the list of
     links under it are the scene, and a status line says why.
   - Pannellum's blob: URL for the picture is replaced by the picture's own URL (see below):
     its "dynamic" mode would avoid it, but uploads the whole texture again on every frame.
   - Width by screen: 2048 px on a narrow screen (under 600 KB before the first view on a
     phone), else the largest the device's WebGL textures allow, at most 4096 px (phones cap
     textures at 4096 px: Pannellum #683). The first view is drawn from the smallest width, the
     preview photo the page has already loaded; the chosen width is fetched meanwhile and then
     replaces it: on a slow network the visitor can look around at once. Measured in
     docs/benchmarks/panorama.md.
   - Hotspots are real links (<a href>), reachable with Tab; doorways lead to the next scene's
     page, exhibits to their page. The viewer itself is focusable and turns with the arrow keys.
   - The motion sensor button shows only where the browser offers it (HTTPS); full screen only
     where allowed. The viewer element keeps its Pannellum object as .hallViewer (tests). */
(function () {
  "use strict";
  var holder = document.getElementById("hall-tour-config");
  var container = document.getElementById("hall-tour-viewer");
  if (!holder || !container) return;
  var config = JSON.parse(holder.textContent);
  var status = document.querySelector(".hall-tour__status");

  function say(text) { if (status) status.textContent = text; }

  function webglLimit() {
    try {
      var canvas = document.createElement("canvas");
      var gl = canvas.getContext("webgl") || canvas.getContext("experimental-webgl");
      return gl ? gl.getParameter(gl.MAX_TEXTURE_SIZE) : 0;
    } catch (e) { return 0; }
  }

  function fallback() {
    container.setAttribute("data-state", "fallback");
    say(config.messages.no_webgl);
  }

  var limit = webglLimit();
  if (!limit || !window.pannellum || !config.widths.length) { fallback(); return; }

  function chooseWidth() {
    var narrow = Math.min(window.innerWidth, screen.width || window.innerWidth) < 768;
    var fitting = config.widths.filter(function (w) { return w.width <= Math.min(limit, narrow ? 2048 : 4096); });
    return (fitting.length ? fitting[fitting.length - 1] : config.widths[0]).src;
  }

  function hotspot(spot) {
    return {
      yaw: spot.yaw, pitch: spot.pitch, cssClass: "hall-tour-spot hall-tour-spot--" + spot.kind,
      createTooltipFunc: function (div) {
        var el = document.createElement(spot.url ? "a" : "span");
        if (spot.url) { el.href = spot.url; el.setAttribute("data-hall-tour-kind", spot.kind); }
        el.className = "hall-tour-spot__label";
        el.textContent = spot.label;
        div.appendChild(el);
      }
    };
  }

  // Pannellum fetches the panorama with XHR and shows it through a blob: URL, which the page's
  // policy does not allow (img-src 'self' data:, hall/outputs/csp.py). While it loads, the blob
  // URL it asks for is the panorama's own address instead: same origin, just fetched, so the
  // browser's cache answers (measured: no second download, docs/benchmarks/panorama.md).
  var sharp = new URL(chooseWidth(), document.baseURI).href;
  var source = new URL(config.widths[0].src, document.baseURI).href;  // the preview's own file
  var createObjectURL = URL.createObjectURL;
  var revokeObjectURL = URL.revokeObjectURL;
  URL.createObjectURL = function (blob) {
    return blob && blob.type && blob.type.indexOf("image/") === 0 ? source : createObjectURL.apply(URL, arguments);
  };
  URL.revokeObjectURL = function (url) { if (url !== source) revokeObjectURL.apply(URL, arguments); };
  function restore() { URL.createObjectURL = createObjectURL; URL.revokeObjectURL = revokeObjectURL; }

  function scene(url) {
    return { type: "equirectangular", panorama: url, hotSpots: config.hotspots.map(hotspot) };
  }

  var viewer;
  try {
    viewer = window.pannellum.viewer(container, {
      "default": {
        firstScene: "first", autoLoad: true, sceneFadeDuration: 200,
        showControls: false, showFullscreenCtrl: false, showZoomCtrl: false, compass: false,
        yaw: config.yaw, pitch: config.pitch, hfov: config.hfov, minHfov: 30, maxHfov: 120,
        strings: config.strings, escapeHTML: true
      },
      scenes: { first: scene(source), sharp: scene(sharp) }
    });
  } catch (e) { restore(); fallback(); return; }
  container.hallViewer = viewer;
  // The still Pannellum shows while a scene changes is an <img> without alt: decoration.
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.tagName === "IMG" && !node.hasAttribute("alt")) node.setAttribute("alt", "");
        });
      });
    }).observe(container, { childList: true, subtree: true });
  }
  viewer.on("load", function () {
    if (viewer.getScene() === "sharp") {  // the sharp picture is in place
      restore();
      container.removeAttribute("data-sharpening");
      container.setAttribute("data-sharp", "");
      return;
    }
    ready(viewer);
    if (sharp === source) { restore(); container.setAttribute("data-sharp", ""); return; }
    // Fetched while the visitor looks around; the swap then reads it from the cache, behind a
    // still of the current view (Pannellum's scene fade), so the view never goes blank.
    var early = new Image();
    early.onload = function () {
      source = sharp;
      container.setAttribute("data-sharpening", "");  // no loading box over the view (hall-tour.css)
      viewer.loadScene("sharp", "same", "same", "same");
    };
    early.src = sharp;
  });
  viewer.on("error", function () {
    restore();
    if (container.getAttribute("data-state") === "ready") container.removeAttribute("data-sharpening");  // keep the smaller picture
    else fallback();
  });

  function ready(viewer) {
    container.setAttribute("data-state", "ready");
    container.setAttribute("role", "application");
    container.setAttribute("aria-label", container.getAttribute("data-label"));
    container.setAttribute("aria-describedby", "hall-tour-instructions");
    var instructions = document.getElementById("hall-tour-instructions");
    if (instructions) instructions.hidden = false;
    var controls = document.querySelector(".hall-tour__controls");
    if (!controls) return;
    controls.hidden = false;
    var actions = {
      left: function () { viewer.setYaw(viewer.getYaw() - 30); },
      right: function () { viewer.setYaw(viewer.getYaw() + 30); },
      up: function () { viewer.setPitch(viewer.getPitch() + 20); },
      down: function () { viewer.setPitch(viewer.getPitch() - 20); },
      "in": function () { viewer.setHfov(viewer.getHfov() - 15); },
      out: function () { viewer.setHfov(viewer.getHfov() + 15); },
      reset: function () { viewer.stopOrientation(); viewer.setPitch(config.pitch, false); viewer.setYaw(config.yaw, false); viewer.setHfov(config.hfov, false); },
      fullscreen: function () { viewer.toggleFullscreen(); },
      gyro: function (button) {
        if (viewer.isOrientationActive()) { viewer.stopOrientation(); button.setAttribute("aria-pressed", "false"); return; }
        function start() { viewer.startOrientation(); button.setAttribute("aria-pressed", "true"); }
        function refused() { button.setAttribute("aria-pressed", "false"); say(config.messages.gyro_denied); }
        // iOS asks the visitor first, and Pannellum says nothing when the answer is no: ask here
        // (this click is the gesture iOS wants), so a refusal leaves the button off and says why.
        var ask = window.DeviceOrientationEvent && window.DeviceOrientationEvent.requestPermission;
        if (typeof ask !== "function") { start(); return; }
        ask.call(window.DeviceOrientationEvent).then(function (answer) {
          if (answer === "granted") start(); else refused();
        }, refused);
      }
    };
    var full = controls.querySelector('[data-hall-tour="fullscreen"]');
    if (full && (document.fullscreenEnabled || document.webkitFullscreenEnabled)) full.hidden = false;
    var gyro = controls.querySelector('[data-hall-tour="gyro"]');
    if (gyro && window.isSecureContext && window.DeviceOrientationEvent && viewer.isOrientationSupported()) gyro.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("[data-hall-tour]");
      if (button && actions[button.getAttribute("data-hall-tour")]) actions[button.getAttribute("data-hall-tour")](button);
    });
    viewer.on("error", function () {
      if (!gyro || gyro.getAttribute("aria-pressed") !== "true") return;  // a picture's error: see above
      gyro.setAttribute("aria-pressed", "false");
      say(config.messages.gyro_denied);
    });
    viewer.on("animatefinished", function (view) {
      say(config.messages.yaw_status.replace("{yaw}", String(Math.round(((view.yaw % 360) + 540) % 360 - 180))));
    });
  }
})();
