/* Exhibit galleries open in PhotoSwipe 5 (vendored in assets/vendor/photoswipe/, MIT).
 *
 * Without JS every gallery photo is a plain link to its large rendition. With JS, this
 * file loads PhotoSwipe only on pages that have a gallery, shows each photo's caption and
 * credit (the figure's own <figcaption>, so always in the page's language), labels the
 * controls in the page's language, and lets PhotoSwipe trap focus and give it back to the
 * photo that opened it. A photo whose figure offers its full-size download
 * (a.hall-figure__download) gets a download button in the toolbar instead of the link in
 * its caption. Kiosk galleries (data-hall-kiosk) keep the photo at screen size: no pinch
 * or tap zoom on a shared touch screen.
 */
(function () {
  "use strict";

  var STRINGS = {
    zh: { close: "关闭（Esc）", zoom: "放大/缩小", prev: "上一张", next: "下一张",
          error: "图片无法加载。", of: " / ", dialog: "图片查看器" },
    en: { close: "Close (Esc)", zoom: "Zoom in/out", prev: "Previous photo", next: "Next photo",
          error: "The photo could not be loaded.", of: " of ", dialog: "Photo viewer" }
  };

  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*$/, "") : "";
  var loading = null;

  function strings() {
    var lang = (document.documentElement.lang || "zh").toLowerCase();
    return lang.indexOf("zh") === 0 ? STRINGS.zh : STRINGS.en;
  }

  function load(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = base + src;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function loadPhotoSwipe() {
    if (!loading) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = base + "vendor/photoswipe/photoswipe.css";
      document.head.appendChild(css);
      loading = Promise.all([
        load("vendor/photoswipe/photoswipe-lightbox.umd.min.js"),
        load("vendor/photoswipe/photoswipe.umd.min.js")
      ]);
    }
    return loading;
  }

  function figureOf(slide) {
    var link = slide && slide.data && slide.data.element;
    return link && link.closest("figure");
  }

  function captionOf(slide) {
    var figure = figureOf(slide);
    var caption = figure && figure.querySelector("figcaption");
    if (!caption) return "";
    caption = caption.cloneNode(true);
    var download = caption.querySelector(".hall-figure__download");
    if (download) download.remove();  // offered by the toolbar button
    return caption.innerHTML.trim();
  }

  function downloadOf(slide) {
    var figure = figureOf(slide);
    return figure && figure.querySelector("a.hall-figure__download");
  }

  function setUp(gallery) {
    if (gallery.dataset.hallLightboxReady) return;
    gallery.dataset.hallLightboxReady = "1";
    var t = strings();
    var kiosk = gallery.hasAttribute("data-hall-kiosk");
    var options = {
      gallery: gallery,
      children: "a.hall-figure__zoom",
      pswpModule: function () { return window.PhotoSwipe; },
      bgOpacity: 0.92,
      showHideAnimationType: "fade",
      closeTitle: t.close, zoomTitle: t.zoom, arrowPrevTitle: t.prev, arrowNextTitle: t.next,
      errorMsg: t.error, indexIndicatorSep: t.of,
      trapFocus: true, returnFocus: true, loop: false
    };
    if (kiosk) {
      options.zoom = false;
      options.imageClickAction = "next";
      options.tapAction = "toggle-controls";
      options.doubleTapAction = false;
      options.secondaryZoomLevel = 1;
      options.maxZoomLevel = 1;
      options.pinchToClose = false;
    }
    var lightbox = new window.PhotoSwipeLightbox(options);
    lightbox.on("uiRegister", function () {
      lightbox.pswp.ui.registerElement({
        name: "hall-caption",
        order: 9,
        isButton: false,
        appendTo: "root",
        onInit: function (el, pswp) {
          el.setAttribute("aria-live", "polite");
          pswp.on("change", function () { el.innerHTML = captionOf(pswp.currSlide); });
        }
      });
      lightbox.pswp.ui.registerElement({
        name: "hall-download",
        order: 8,
        isButton: true,
        tagName: "a",
        html: {
          isCustomSVG: true,
          inner: '<path d="M20.5 14.3 17.1 18V10h-2.2v7.9l-3.4-3.6L10 16l6 6.1 6-6.1ZM23 23H9v2h14Z" id="pswp__icn-hall-download"/>',
          outlineID: "pswp__icn-hall-download"
        },
        onInit: function (el, pswp) {
          el.setAttribute("download", "");
          pswp.on("change", function () {
            var link = downloadOf(pswp.currSlide);
            el.style.display = link ? "" : "none";
            if (!link) { el.removeAttribute("href"); return; }
            el.href = link.href;
            el.type = link.type;
            el.title = link.textContent;
            el.setAttribute("aria-label", link.textContent);
          });
        }
      });
    });
    lightbox.on("afterInit", function () {
      var root = lightbox.pswp.element;
      root.setAttribute("role", "dialog");
      root.setAttribute("aria-modal", "true");
      root.setAttribute("aria-label", t.dialog);
      root.setAttribute("lang", document.documentElement.lang || "");
    });
    // State on the gallery for styles and tests: gestures and keys work once the opening animation ended.
    lightbox.on("openingAnimationEnd", function () { gallery.dataset.hallLightboxState = "open"; });
    lightbox.on("close", function () { gallery.dataset.hallLightboxState = "closing"; });
    lightbox.on("destroy", function () { gallery.dataset.hallLightboxState = "closed"; });
    // The gallery's <img> are lazy: show the small rendition already on screen while the large one loads.
    lightbox.addFilter("thumbEl", function (thumb, data) {
      var img = data.element && data.element.querySelector("img");
      return img || thumb;
    });
    lightbox.addFilter("placeholderSrc", function (src, slide) {
      var img = slide.data.element && slide.data.element.querySelector("img");
      return img && img.currentSrc ? img.currentSrc : src;
    });
    lightbox.init();
  }

  function clearPlaceholders(scope) {
    scope.querySelectorAll(".hall-picture img[style*='background-image']").forEach(function (img) {
      function done() { img.style.backgroundImage = "none"; }
      if (img.complete && img.naturalWidth) done(); else img.addEventListener("load", done, { once: true });
    });
  }

  function init() {
    clearPlaceholders(document);
    var galleries = document.querySelectorAll("[data-hall-lightbox]");
    if (!galleries.length) return;
    // Load PhotoSwipe on first touch/hover/focus of a gallery, or when the page is idle.
    var start = function () {
      loadPhotoSwipe().then(function () { galleries.forEach(setUp); });
    };
    galleries.forEach(function (gallery) {
      gallery.addEventListener("click", function (event) {
        var link = event.target.closest("a.hall-figure__zoom");
        if (!link || gallery.dataset.hallLightboxReady) return;
        event.preventDefault();  // first click before PhotoSwipe arrived: open once it has
        loadPhotoSwipe().then(function () {
          galleries.forEach(setUp);
          link.click();
        });
      });
    });
    if ("requestIdleCallback" in window) window.requestIdleCallback(start, { timeout: 2000 });
    else window.setTimeout(start, 300);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
