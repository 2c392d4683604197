/* The keypad page (visit/number/): a guide number, keyed on the on-screen pad or the phone's
 * own keyboard, opens that exhibit's page; an unknown number is said so (role=status) with
 * the nearest numbers as links. The table (number → [exhibit id, title]) and the strings are
 * JSON in the page (hall/pages/keypad.py). Without this script the pad stays hidden and the
 * page's list of every number is the way in. No framework; nothing leaves the site.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-hall-keypad]");
  if (!form) return;
  var data = JSON.parse(form.querySelector("[data-hall-keypad-table]").textContent);
  var table = data.table;
  var strings = data.strings;
  var base = form.getAttribute("data-hall-keypad-base");
  var input = form.querySelector("input");
  var status = form.querySelector("[role=status]");
  var digits = parseInt(input.getAttribute("maxlength"), 10) || 4;
  var numbers = Object.keys(table).map(Number).sort(function (a, b) { return a - b; });

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  // Digits only; full-width ０–９ (a Chinese keyboard's) count as digits.
  function digitsOf(text) {
    return text.replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/[^0-9]/g, "").slice(0, digits);
  }

  function hrefOf(number) { return base + table[number][0] + "/"; }

  function say(text, nearest) {
    status.textContent = "";
    var line = document.createElement("p");
    line.textContent = text;
    status.appendChild(line);
    if (!nearest || !nearest.length) return;
    var label = document.createElement("p");
    label.textContent = strings.keypad_nearest;
    status.appendChild(label);
    var list = document.createElement("ul");
    list.className = "hall-keypad__nearest";
    nearest.forEach(function (number) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hrefOf(number);
      var strong = document.createElement("b");
      strong.textContent = number;
      link.appendChild(strong);
      link.appendChild(document.createTextNode(" " + table[number][1]));
      item.appendChild(link);
      list.appendChild(item);
    });
    status.appendChild(list);
  }

  // The three numbers closest to the one keyed (the lower first on a tie).
  function nearestTo(value) {
    return numbers.slice().sort(function (a, b) {
      return Math.abs(a - value) - Math.abs(b - value) || a - b;
    }).slice(0, 3).map(String);
  }

  function go() {
    var number = digitsOf(input.value).replace(/^0+/, "");
    if (!number) {
      say(strings.keypad_empty);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(table, number)) {
      say(fill(strings.keypad_opening, { number: number, title: table[number][1] }));
      window.location.href = hrefOf(number);
      return;
    }
    say(fill(strings.keypad_unknown, { number: number }), nearestTo(parseInt(number, 10)));
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go();
  });
  input.addEventListener("input", function () {
    var clean = digitsOf(input.value);
    if (clean !== input.value) input.value = clean;
    status.textContent = "";
  });
  // The on-screen pad types into the field without focusing it (a phone would open its keyboard).
  form.querySelector(".hall-keypad__pad").addEventListener("click", function (event) {
    var key = event.target.closest ? event.target.closest("[data-hall-key]") : null;
    if (!key) return;
    var which = key.getAttribute("data-hall-key");
    if (which === "delete") input.value = input.value.slice(0, -1);
    else if (input.value.length < digits) input.value += which;
    status.textContent = "";
  });
})();
