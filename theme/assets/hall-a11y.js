/* Visitor accessibility features, framework-free.
 *
 * - Text size (100/125/150/200 %) and high contrast, remembered in localStorage. The tiny
 *   inline script in <head> (partials/hall-a11y-head.html) applies them before first paint;
 *   this file only wires the header panel and keeps both in sync.
 * - Read aloud on exhibit and news pages with the browser's own speechSynthesis, in a voice
 *   of the page's language; the controls stay hidden when no such voice exists.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZE_KEY = "hall.textSize";
  var CONTRAST_KEY = "hall.contrast";

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: this page only */ }
  }

  /* ---------- text size and contrast ---------- */

  function currentSize() { return root.getAttribute("data-hall-text") || "100"; }
  function highContrast() { return root.getAttribute("data-hall-contrast") === "high"; }

  function setSize(size) {
    if (size === "100") root.removeAttribute("data-hall-text");
    else root.setAttribute("data-hall-text", size);
    store(SIZE_KEY, size);
    sync();
  }

  function setContrast(on) {
    if (on) root.setAttribute("data-hall-contrast", "high");
    else root.removeAttribute("data-hall-contrast");
    store(CONTRAST_KEY, on ? "high" : "normal");
    sync();
  }

  function sync() {
    document.querySelectorAll("[data-hall-text-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-hall-text-size") === currentSize()));
    });
    document.querySelectorAll("[data-hall-contrast-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(highContrast()));
    });
  }

  function setupPanel(box) {
    var toggle = box.querySelector(".hall-a11y__toggle");
    var panel = box.querySelector(".hall-a11y__panel");
    function open(show) {
      panel.hidden = !show;
      toggle.setAttribute("aria-expanded", String(show));
    }
    toggle.addEventListener("click", function () { open(panel.hidden); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) { open(false); toggle.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!panel.hidden && !box.contains(event.target)) open(false);
    });
    box.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !box.contains(event.relatedTarget)) open(false);
    });
    box.querySelectorAll("[data-hall-text-size]").forEach(function (button) {
      button.addEventListener("click", function () { setSize(button.getAttribute("data-hall-text-size")); });
    });
    box.querySelectorAll("[data-hall-contrast-toggle]").forEach(function (button) {
      button.addEventListener("click", function () { setContrast(!highContrast()); });
    });
    box.hidden = false;
  }

  // Follow the system setting live, unless the visitor chose explicitly.
  if (window.matchMedia) {
    var more = window.matchMedia("(prefers-contrast: more)");
    var follow = function () {
      var saved = null;
      try { saved = localStorage.getItem(CONTRAST_KEY); } catch (e) { /* ignore */ }
      if (saved === null) {
        if (more.matches) root.setAttribute("data-hall-contrast", "high");
        else root.removeAttribute("data-hall-contrast");
        sync();
      }
    };
    if (more.addEventListener) more.addEventListener("change", follow);
  }

  // Another tab changed a setting: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === SIZE_KEY && event.newValue) {
      if (event.newValue === "100") root.removeAttribute("data-hall-text");
      else root.setAttribute("data-hall-text", event.newValue);
    } else if (event.key === CONTRAST_KEY) {
      if (event.newValue === "high") root.setAttribute("data-hall-contrast", "high");
      else root.removeAttribute("data-hall-contrast");
    }
    sync();
  });

  /* ---------- read aloud ---------- */

  var synth = window.speechSynthesis;

  function voiceFor(lang) {
    if (!synth || typeof SpeechSynthesisUtterance === "undefined") return null;
    var voices = synth.getVoices() || [];
    var wanted = lang.toLowerCase().replace("_", "-");
    var primary = wanted.split("-")[0];
    var exact = null, close = null;
    voices.forEach(function (voice) {
      // espeak-ng through speech-dispatcher (Debian kiosks) tags Mandarin "cmn": a zh voice.
      var code = (voice.lang || "").toLowerCase().replace("_", "-").replace(/^cmn(?=-|$)/, "zh");
      if (code === wanted && !exact) exact = voice;
      else if (code.split("-")[0] === primary && !close) close = voice;
    });
    return exact || close;
  }

  /* Left out of what is read: hidden text, decoration, heading anchors. */
  var UNREAD = "script, style, .hall-visually-hidden, [aria-hidden='true'], .headerlink";
  var HEADING = /^H[1-6]$/;

  function readable(node) {
    if (node.matches(UNREAD)) return "";
    var clone = node.cloneNode(true);
    clone.querySelectorAll(UNREAD).forEach(function (n) { n.remove(); });
    return (clone.innerText || clone.textContent || "").replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
  }

  /* What a visitor hears, in reading order: the title, the summary, then the body. Each
   * heading is an utterance of its own, ended like a sentence, so the voice pauses after it
   * instead of running it into the next sentence ("六百余年的历史古建筑清真寺…"). */
  function utterancesOf(article) {
    var result = [], text = [];
    function flush() {
      if (text.length) result = result.concat(chunks(text.join("\n")));
      text = [];
    }
    function heading(node) {
      var words = readable(node);
      if (!words) return;
      flush();
      result.push(/[。！？!?.:：]$/.test(words) ? words : words + (/[\u3000-\u9fff]/.test(words) ? "。" : "."));
    }
    function block(node) {
      var words = readable(node);
      if (words) text.push(words);
    }
    function walk(node) {
      Array.prototype.forEach.call(node.children, function (child) {
        if (HEADING.test(child.tagName)) heading(child);
        else if (!child.matches(UNREAD) && child.querySelector("h1, h2, h3, h4, h5, h6")) walk(child);
        else block(child);
      });
    }
    article.querySelectorAll("h1, .hall-lead, .hall-body").forEach(function (node) {
      if (node.parentElement && node.parentElement.closest(".hall-body")) return;  // read with its body
      if (HEADING.test(node.tagName)) heading(node);
      else if (node.matches(".hall-body")) walk(node);
      else block(node);
    });
    flush();
    return result;
  }

  /* Short utterances: some engines stop after ~15 s of one long utterance. */
  function chunks(text) {
    var sentences = text.match(/[^。！？!?.\n]+[。！？!?.]*\n?/g) || [text];
    var result = [], current = "";
    sentences.forEach(function (sentence) {
      sentence = sentence.trim();
      if (!sentence) return;
      if ((current + sentence).length > 180 && current) { result.push(current); current = ""; }
      current += (current && !/[\u3000-\u9fff]$/.test(current) ? " " : "") + sentence;
    });
    if (current) result.push(current);
    return result;
  }

  function setupReadAloud(box) {
    var lang = box.getAttribute("data-lang") || root.lang;
    var article = box.closest("article") || document.querySelector("article");
    var play = box.querySelector("[data-action='play']");
    var stop = box.querySelector("[data-action='stop']");
    var label = play.querySelector("span");
    var status = box.querySelector("[role='status']");
    var state = "idle"; // idle | speaking | paused
    var run = 0;

    function show(next, message) {
      state = next;
      label.textContent = play.getAttribute(
        next === "speaking" ? "data-label-pause" : next === "paused" ? "data-label-resume" : "data-label-play");
      play.setAttribute("aria-pressed", String(next === "speaking"));
      stop.hidden = next === "idle";
      if (message !== undefined) status.textContent = message;
    }

    function start() {
      var voice = voiceFor(lang);
      if (!voice || !article) return;
      synth.cancel();
      var mine = ++run;
      var queue = utterancesOf(article);
      queue.forEach(function (piece, index) {
        var utterance = new SpeechSynthesisUtterance(piece);
        utterance.voice = voice;
        utterance.lang = voice.lang || lang;
        utterance.rate = parseFloat(box.getAttribute("data-rate")) || 1;  // the audio guide's speed (hall-audio.js)
        if (index === queue.length - 1) {
          utterance.onend = function () { if (mine === run) show("idle", ""); };
        }
        utterance.onerror = function () { if (mine === run) show("idle", ""); };
        synth.speak(utterance);
      });
      show("speaking", status.getAttribute("data-reading"));
    }

    play.addEventListener("click", function () {
      if (state === "idle") start();
      else if (state === "speaking") { synth.pause(); show("paused", status.getAttribute("data-paused")); }
      else { synth.resume(); show("speaking", status.getAttribute("data-reading")); }
    });
    stop.addEventListener("click", function () {
      run++;
      synth.cancel();
      show("idle", status.getAttribute("data-stopped"));
      play.focus();
    });
    window.addEventListener("pagehide", function () { if (state !== "idle") synth.cancel(); });

    function reveal() { box.hidden = !voiceFor(lang); }
    reveal();
    if (synth && synth.addEventListener) synth.addEventListener("voiceschanged", reveal);
  }

  function init() {
    document.querySelectorAll("[data-hall-a11y]").forEach(setupPanel);
    if (synth) document.querySelectorAll("[data-hall-read-aloud]").forEach(setupReadAloud);
    sync();
  }

  // Exposed for tests and for the kiosk: the same functions the buttons call.
  window.hallA11y = { setSize: setSize, setContrast: setContrast, voiceFor: voiceFor, chunks: chunks, utterancesOf: utterancesOf };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
