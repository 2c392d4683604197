/* The 720° tour's viewer (theme/tour.html, hall/pages/tour.py): turns the scene's preview photo
   into Pannellum's viewer, from the JSON the page carries (#hall-tour-config).
   - Without WebGL (or if Pannellum fails) nothing changes: the preview photo and the list of
     links under it are the scene, and a status line says why.
   - Pannellum's blob: URL for the picture is replaced by the picture's own URL (see below):
     its "dynamic" mode would avoid it, but uploads the whole texture again on every frame.
   - The first view is drawn as early as the page allows: this file and Pannellum are async and
     preloaded with the preview photo (theme/tour.html), and Pannellum's WebGL context is the
     only one: no test context first (context creation is the dearest step without a GPU).
     Without WebGL Pannellum reports an error, and the page falls back as above.
   - Width by screen: the first view is drawn from the smallest width, the preview photo the
     page has already loaded; then 2048 px on a narrow screen (under 600 KB before the first
     view on a phone), else the largest the device's WebGL textures allow, at most 4096 px
     (phones cap textures at 4096 px: Pannellum #683), is fetched and replaces it: on a slow
     network the visitor can look around at once. Measured in docs/benchmarks/panorama.md.
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
  var preview = container.querySelector(".hall-tour__preview");
  var viewer;
  var started = false;

  function say(text) { if (status) status.textContent = text; }

  // Pannellum's own error box and canvas go; the preview photo and the list stay.
  function fallback() {
    restore();
    if (viewer) {
      viewer.destroy();
      viewer = null;
      if (preview) container.appendChild(preview);
    }
    container.setAttribute("data-state", "fallback");
    say(config.messages.no_webgl);
  }

  function textureLimit() {
    try {
      var gl = viewer.getRenderer().getCanvas().getContext("experimental-webgl");  // Pannellum's own context
      return gl ? gl.getParameter(gl.MAX_TEXTURE_SIZE) : 0;
    } catch (e) { return 0; }
  }

  function chooseWidth() {
    var limit = textureLimit() || config.widths[0].width;
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
  var source = new URL(config.widths[0].src, document.baseURI).href;  // the preview's own file
  var createObjectURL = URL.createObjectURL;
  var revokeObjectURL = URL.revokeObjectURL;
  // Pannellum draws one rectangle over the whole canvas, so multisampling adds nothing to the
  // picture; without it the drawing buffer of a 3× phone screen takes about 7 MB instead of 37
  // and the first frame comes sooner (docs/benchmarks/panorama.md). Pannellum asks for its
  // context without this option, so it is added while Pannellum creates the context.
  var getContext = HTMLCanvasElement.prototype.getContext;
  function borrow() {
    HTMLCanvasElement.prototype.getContext = function (kind, options) {
      if (/webgl/.test(kind) && container.contains(this)) options = Object.assign({}, options, { antialias: false });
      return getContext.apply(this, [kind, options].concat([].slice.call(arguments, 2)));
    };
    URL.createObjectURL = function (blob) {
      return blob && blob.type && blob.type.indexOf("image/") === 0 ? source : createObjectURL.apply(URL, arguments);
    };
    URL.revokeObjectURL = function (url) { if (url !== source) revokeObjectURL.apply(URL, arguments); };
  }
  function restore() {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    HTMLCanvasElement.prototype.getContext = getContext;
  }

  function scene(url) {
    return { type: "equirectangular", panorama: url, hotSpots: config.hotspots.map(hotspot) };
  }

  function start() {
    if (started) return;
    started = true;
    if (!window.pannellum || !config.widths.length) { fallback(); return; }
    borrow();
    try {
      viewer = window.pannellum.viewer(container, {
        "default": {
          firstScene: "first", autoLoad: true, sceneFadeDuration: 200,
          showControls: false, showFullscreenCtrl: false, showZoomCtrl: false, compass: false,
          yaw: config.yaw, pitch: config.pitch, hfov: config.hfov, minHfov: 30, maxHfov: 120,
          strings: config.strings, escapeHTML: true
        },
        scenes: { first: scene(source) }
      });
    } catch (e) { viewer = null; fallback(); return; }
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
    viewer.on("load", loaded);
    viewer.on("error", failed);
  }

  function loaded() {
    if (viewer.getScene() === "sharp") {  // the sharp picture is in place, with its own hotspots
      restore();
      container.removeAttribute("data-sharpening");
      container.setAttribute("data-sharp", "");
      separateSoon();
      return;
    }
    ready(viewer);
    var sharp = new URL(chooseWidth(), document.baseURI).href;
    if (sharp === source) { restore(); container.setAttribute("data-sharp", ""); return; }
    viewer.addScene("sharp", scene(sharp));
    // Fetched while the visitor looks around; the swap then reads it from the cache, behind a
    // still of the current view (Pannellum's scene fade), so the view never goes blank.
    var early = new Image();
    early.onload = function () {
      source = sharp;
      container.setAttribute("data-sharpening", "");  // no loading box over the view (hall-tour.css)
      viewer.loadScene("sharp", "same", "same", "same");
    };
    early.src = sharp;
  }

  function failed() {
    restore();
    if (container.getAttribute("data-state") === "ready") container.removeAttribute("data-sharpening");  // keep the smaller picture
    else setTimeout(fallback, 0);  // no WebGL, or the picture did not load: once Pannellum is done
  }

  // Hotspots close together would cover each other's labels on a narrow screen (at 100° a
  // 150 px label spans about 40°). When the view stops, each label that would touch one already
  // placed, from left to right, moves down or up by a label's height: each stays readable and
  // tappable on its own (hall-tour.css --hall-spot-shift).
  var GAP = 6;
  function separateLabels() {
    var labels = [].slice.call(container.querySelectorAll(".hall-tour-spot__label"));
    labels.forEach(function (label) { label.style.removeProperty("--hall-spot-shift"); });
    var placed = [];
    labels.map(function (label) { return { label: label, box: label.getBoundingClientRect() }; })
      .filter(function (spot) { return spot.box.width && getComputedStyle(spot.label).visibility !== "hidden"; })
      .sort(function (a, b) { return a.box.left - b.box.left; })
      .forEach(function (spot) {
        var box = spot.box, step = box.height + GAP;
        for (var i = 0; i < 9; i++) {
          var shift = (i % 2 ? 1 : -1) * Math.ceil(i / 2) * step;  // 0, down 1, up 1, down 2 …
          var top = box.top + shift, bottom = box.bottom + shift;
          var clear = placed.every(function (p) {
            return p.right + GAP <= box.left || box.right + GAP <= p.left || p.bottom + GAP <= top || bottom + GAP <= p.top;
          });
          if (!clear) continue;
          if (shift) spot.label.style.setProperty("--hall-spot-shift", shift + "px");
          placed.push({ left: box.left, right: box.right, top: top, bottom: bottom });
          return;
        }
        placed.push(box);
      });
  }
  function separateSoon() { requestAnimationFrame(function () { requestAnimationFrame(separateLabels); }); }

  function ready(viewer) {
    container.setAttribute("data-state", "ready");
    viewer.on("animatefinished", separateSoon);
    window.addEventListener("resize", separateSoon);
    separateSoon();
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

  // Pannellum may arrive after this file (both are async, theme/tour.html).
  var library = document.querySelector("script[data-hall-pannellum]");
  if (window.pannellum || !library) start();
  else {
    library.addEventListener("load", start);
    window.addEventListener("load", start);  // it failed to load: start() falls back
  }
})();
