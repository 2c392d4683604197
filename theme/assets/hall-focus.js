/* Keyboard focus goes only where the visitor can see, framework-free.
 *
 * - Material's menu button (a <label>) is replaced by a real button, reachable by keyboard.
 * - The closed navigation drawer (phones and tablets, below Material's 76.25em breakpoint)
 *   sits off-screen; its ~12 links were tab stops the visitor could not see. It is `inert`
 *   while closed (hall-a11y.css hides it with `visibility` where `inert` or JS is missing).
 * - At narrow widths Material opens search as a full-screen overlay when the search field
 *   gets focus. Material's own search closes it on Tab and Escape (its keyboard handler calls
 *   setToggle("search", false)): the overlay is a place one visits, not a dialog that holds
 *   focus. Our Pagefind search replaces that handler, so the overlay stayed open while focus
 *   moved on behind it. We follow Material's intent: when focus leaves the search, it closes.
 * - A table wider than the phone scrolls in Material's frame (.md-typeset__scrollwrap); a
 *   frame that scrolls becomes a focusable, labelled region so the keyboard can scroll it.
 */
(function () {
  "use strict";
  var NARROW = window.matchMedia ? window.matchMedia("(max-width: 76.234375em)") : null;

  /* ---------- the drawer ---------- */

  function setupDrawer() {
    var toggle = document.getElementById("__drawer");
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !drawer) return;
    function update() {
      var closed = !toggle.checked && (!NARROW || NARROW.matches);
      if (button) button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      if (closed) {
        if (drawer.contains(document.activeElement)) document.activeElement.blur();
        drawer.setAttribute("inert", "");
        if (!("inert" in drawer)) drawer.setAttribute("aria-hidden", "true"); /* older browsers */
      } else {
        drawer.removeAttribute("inert");
        drawer.removeAttribute("aria-hidden");
      }
    }
    /* Material's menu button is a <label>, which the keyboard cannot reach or press (and which
       may not carry a button's role): a real button takes its place, toggling the same checkbox.
       Without scripts the label stays, and the pointer opens the drawer through it as before. */
    var label = document.querySelector("label[data-hall-drawer-button]");
    var button = null;
    if (label) {
      button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.innerHTML = label.innerHTML;
      button.setAttribute("aria-label", label.getAttribute("data-hall-drawer-button"));
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("data-hall-drawer-button", "");
      button.addEventListener("click", function () {
        toggle.checked = !toggle.checked;
        toggle.dispatchEvent(new Event("change"));
        if (toggle.checked) {
          var first = drawer.querySelector("a[href], label[tabindex], input");
          if (first) setTimeout(function () { first.focus(); }, 0);
        }
      });
      label.replaceWith(button);
    }
    toggle.addEventListener("change", update);
    if (NARROW && NARROW.addEventListener) NARROW.addEventListener("change", update);
    /* Material sets .checked from its own code (a link followed in the drawer, instant
       navigation) without a change event: watch the property through clicks and keys too. */
    document.addEventListener("click", function () { setTimeout(update, 0); });
    document.addEventListener("keyup", function (event) {
      if (event.key === "Escape" && toggle.checked) { toggle.checked = false; update(); }
    });
    update();
  }

  /* ---------- the search overlay ---------- */

  function setupSearch() {
    var toggle = document.getElementById("__search");
    var search = document.querySelector(".md-search");
    if (!toggle || !search) return;
    search.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (!toggle.checked || !next || search.contains(next)) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    });
  }

  /* ---------- tables that scroll sideways ---------- */

  function labelFor() {
    var holder = document.querySelector("[data-hall-table-label]");
    return holder ? holder.getAttribute("data-hall-table-label") : "";
  }

  function markScrollingTables() {
    var label = labelFor();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (frame) {
      var scrolls = frame.scrollWidth > frame.clientWidth + 1;
      if (scrolls) {
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        var caption = frame.querySelector("caption");
        frame.setAttribute("aria-label", caption ? caption.textContent.trim() : label);
      } else if (frame.getAttribute("role") === "region") {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }

  function setupTables() {
    /* Material wraps tables in its frame after the page loads (and again after instant
       navigation): look whenever it adds one, and when the width changes. */
    markScrollingTables();
    if (window.MutationObserver) {
      var pending = false;
      var observer = new MutationObserver(function () {
        if (pending) return;
        pending = true;
        requestAnimationFrame(function () { pending = false; markScrollingTables(); });
      });
      observer.observe(document.body, { childList: true, subtree: true });
      /* A new text size (hall-a11y.js) can make a table wider than the phone. */
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-hall-text"] });
    }
    window.addEventListener("resize", markScrollingTables);
  }

  function init() {
    setupDrawer();
    setupSearch();
    setupTables();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
