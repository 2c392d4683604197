/* The audio guide of an exhibit page (partials/hall-audio-guide.html), framework-free.
 *
 * Recording mode: the page's <audio preload="none"> fetches nothing until the visitor plays
 * it. This adds a big play/pause, ±10 s, speeds 0.75–1.5× (remembered on the device), the time,
 * the phone's lock screen (Media Session: "201 古建筑清真寺", the hall, the zone, the cover),
 * and "continue with the next stop": on `ended`, the next stop's recording plays in the same
 * element (which already has the visitor's activation, so the browser allows it). When the
 * next stop has no recording it says so and stops: speaking another page's text would need
 * that page, and iOS refuses speech that no tap started.
 * Speech mode: the read-aloud control (hall-a11y.js) reads the page; the speeds set its rate.
 */
(function () {
  "use strict";
  var RATE_KEY = "hall.audioRate";
  var CONTINUE_KEY = "hall.audioContinue";
  var RATES = ["0.75", "1", "1.25", "1.5"];

  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: this page only */ }
  }
  function json(node, name) {
    try { return JSON.parse(node.getAttribute(name) || "null"); } catch (e) { return null; }
  }
  function clock(seconds) {
    if (!isFinite(seconds) || seconds < 0) seconds = 0;
    var s = Math.floor(seconds % 60), m = Math.floor(seconds / 60);
    return m + ":" + (s < 10 ? "0" : "") + s;
  }
  function fill(text, title) { return (text || "").replace("{title}", title); }

  function setupSpeeds(box, apply) {
    var group = box.querySelector("[data-hall-audio-speeds]");
    var saved = load(RATE_KEY);
    var current = RATES.indexOf(saved) >= 0 ? saved : "1";
    var shown = box.querySelector("[data-hall-audio-rate]");
    function choose(rate) {
      current = rate;
      group.querySelectorAll("[data-rate]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-rate") === rate));
      });
      if (shown) shown.textContent = rate + "×";  // the folded options still say the speed
      apply(parseFloat(rate));
    }
    group.querySelectorAll("[data-rate]").forEach(function (button) {
      button.addEventListener("click", function () {
        choose(button.getAttribute("data-rate"));
        store(RATE_KEY, current);
      });
    });
    choose(current);
    box.querySelector("[data-hall-audio-options]").hidden = false;
    return function () { return parseFloat(current); };
  }

  function setupSession(audio, box, controls) {
    var ms = navigator.mediaSession;
    if (!ms || typeof MediaMetadata === "undefined") return function () {};
    function handle(action, fn) {
      try { ms.setActionHandler(action, fn); } catch (e) { /* not supported by this browser */ }
    }
    handle("play", function () { audio.play(); });
    handle("pause", function () { audio.pause(); });
    handle("seekbackward", function () { controls.skip(-10); });
    handle("seekforward", function () { controls.skip(10); });
    handle("previoustrack", function () { audio.currentTime = 0; });
    if (box.hasAttribute("data-next")) handle("nexttrack", function () { controls.next(); });
    return function (session) {
      if (!session) return;
      var artwork = (session.artwork || []).map(function (item) {
        return { src: new URL(item.src, document.baseURI).href, sizes: item.sizes, type: item.type };
      });
      ms.metadata = new MediaMetadata({ title: session.title, artist: session.artist, album: session.album, artwork: artwork });
    };
  }

  function setupRecording(box) {
    var audio = box.querySelector("[data-hall-audio-element]");
    var bar = box.querySelector("[data-hall-audio-bar]");
    var toggle = bar.querySelector("[data-action='toggle']");
    var label = toggle.querySelector("[data-label]");
    var time = bar.querySelector("[data-hall-audio-time]");
    var status = box.querySelector("[data-hall-audio-status]");
    var strings = json(box, "data-strings") || {};
    var next = json(box, "data-next");
    var session = json(box, "data-session");
    var follow = box.querySelector("[data-continue]");
    var known = parseFloat(time.getAttribute("data-seconds")) || 0;
    var rate = setupSpeeds(box, function (value) { audio.playbackRate = value; audio.defaultPlaybackRate = value; });

    function duration() { return isFinite(audio.duration) && audio.duration > 0 ? audio.duration : known; }
    function showTime() { time.textContent = clock(audio.currentTime) + " / " + clock(duration()); }
    function showState() {
      var playing = !audio.paused && !audio.ended;
      toggle.setAttribute("aria-pressed", String(playing));
      label.textContent = playing ? strings.pause : audio.currentTime > 0 && !audio.ended ? strings.resume : strings.play;
      toggle.querySelector(".hall-audio__icon-play").hidden = playing;
      toggle.querySelector(".hall-audio__icon-pause").hidden = !playing;
      if (navigator.mediaSession) navigator.mediaSession.playbackState = playing ? "playing" : "paused";
    }

    var controls = {
      skip: function (delta) {
        audio.currentTime = Math.max(0, Math.min(duration() || 0, audio.currentTime + delta));
      },
      next: function () {
        if (!next) { status.textContent = strings.route_end || ""; return; }
        if (!next.sources || !next.sources.length) {
          status.textContent = fill(strings.next_none, next.title);
          return;
        }
        // The same element plays on: no new activation needed.
        audio.querySelectorAll("source").forEach(function (source) { source.remove(); });
        audio.removeAttribute("lang");
        next.sources.forEach(function (item) {
          var source = document.createElement("source");
          source.src = item.src;
          source.type = item.type;
          audio.appendChild(source);
        });
        known = 0;
        audio.load();
        audio.playbackRate = audio.defaultPlaybackRate = rate();
        var playing = next;
        next = null;  // one stop ahead is what this page knows
        setMeta(playing.session);
        status.textContent = "";
        var link = document.createElement("a");
        link.href = playing.url;
        link.textContent = fill(strings.now_playing, (playing.guide ? playing.guide + " " : "") + playing.title);
        status.appendChild(link);
        box.setAttribute("data-playing-next", playing.url);
        var started = audio.play();
        if (started && started.catch) started.catch(function () { showState(); });
      },
    };
    var setMeta = setupSession(audio, box, controls);

    toggle.addEventListener("click", function () {
      if (audio.paused || audio.ended) audio.play(); else audio.pause();
    });
    box.querySelector("[data-action='back']").addEventListener("click", function () { controls.skip(-10); });
    box.querySelector("[data-action='forward']").addEventListener("click", function () { controls.skip(10); });
    audio.addEventListener("play", function () { setMeta(session); session = null; showState(); });
    ["pause", "playing", "loadedmetadata"].forEach(function (name) { audio.addEventListener(name, showState); });
    ["timeupdate", "durationchange", "loadedmetadata"].forEach(function (name) { audio.addEventListener(name, showTime); });
    audio.addEventListener("ratechange", function () {
      // The browser's own menu changed it: keep the buttons in step.
      box.querySelectorAll("[data-rate]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(parseFloat(button.getAttribute("data-rate")) === audio.playbackRate));
      });
    });
    audio.addEventListener("ended", function () {
      showState();
      if (follow && follow.checked) controls.next();
      else status.textContent = strings.ended || "";
    });
    if (follow) {
      follow.checked = load(CONTINUE_KEY) === "1";
      follow.addEventListener("change", function () { store(CONTINUE_KEY, follow.checked ? "1" : "0"); });
    }
    // Leaving the page (a link, the kiosk's idle reset) stops the guide.
    window.addEventListener("pagehide", function () { audio.pause(); });
    document.addEventListener("hall:stop-media", function () { audio.pause(); });
    showTime();
    showState();
    bar.hidden = false;
    audio.hidden = true;  // the bar above replaces the browser's own controls (kept without JS)
  }

  function setupSpeech(box) {
    var reader = box.querySelector("[data-hall-read-aloud]");
    if (!reader) return;
    setupSpeeds(box, function (value) { reader.setAttribute("data-rate", String(value)); });
    var lang = reader.getAttribute("data-lang") || document.documentElement.lang;
    function reveal() {
      var api = window.hallA11y;
      box.hidden = !(api && api.voiceFor && api.voiceFor(lang));
    }
    reveal();
    var synth = window.speechSynthesis;
    if (synth && synth.addEventListener) synth.addEventListener("voiceschanged", reveal);
    document.addEventListener("hall:stop-media", function () { if (synth) synth.cancel(); });
  }

  function init() {
    document.querySelectorAll("[data-hall-audio]").forEach(function (box) {
      if (box.getAttribute("data-mode") === "recording") setupRecording(box);
      else setupSpeech(box);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
