// The search box of the "page not found" page (theme/404.html): its words go to the site's
// own search in the header (hall-search.js), which opens with the results. Without this
// script (or without search) the box stays hidden; the page's links still lead on.
(function () {
  "use strict";
  var form = document.querySelector("[data-hall-404-search]");
  var header = document.querySelector("[data-hall-search] .md-search__input");
  var toggle = document.getElementById("__search");
  if (!form || !header || !toggle) return;
  var field = form.querySelector("input");
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var words = field.value.trim();
    if (!words) { field.focus(); return; }
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    header.value = words;
    header.dispatchEvent(new Event("input"));
    header.focus();
  });
})();
