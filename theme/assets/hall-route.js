/* The guided route's place, kept on this device only (localStorage; nothing is sent):
 * an exhibit page saves its stop (the exhibit's id, which both languages share, with its
 * stop number and title); the visit page's "resume" button (hall-route-start.html) offers
 * it. Without JS or storage the button stays hidden and "start the visit" still works.
 * The kiosk clears storage at every idle reset, so one visitor never resumes another's visit.
 */
(function () {
  "use strict";

  var KEY = "hall-route";
  var ID = /^[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+$/;
  var local = null;
  try { local = window.localStorage; } catch (error) { local = null; }
  if (!local) return;

  var here = document.querySelector("[data-hall-route-id]");
  if (here) {
    try {
      local.setItem(KEY, JSON.stringify({
        id: here.getAttribute("data-hall-route-id"),
        stop: parseInt(here.getAttribute("data-hall-route-stop"), 10),
        title: here.getAttribute("data-hall-route-title"),
        lang: here.getAttribute("data-hall-route-lang")
      }));
    } catch (error) { /* storage full or refused: the route still works, without resume */ }
  }

  var resume = document.querySelector("[data-hall-route-resume]");
  if (!resume) return;
  var saved = null;
  try { saved = JSON.parse(local.getItem(KEY) || "null"); } catch (error) { saved = null; }
  if (!saved || typeof saved.id !== "string" || !ID.test(saved.id) || !(saved.stop > 1)) return;

  // "继续参观：第 {stop} 站，{title}": the title in its own language's span.
  // One wrapper, so the button's flex layout keeps the words on one line.
  var parts = resume.getAttribute("data-hall-route-label").split("{title}");
  var words = document.createElement("span");
  words.appendChild(document.createTextNode(parts[0].replace("{stop}", saved.stop)));
  var title = document.createElement("span");
  title.textContent = saved.title || "";
  if (saved.lang && saved.lang !== document.documentElement.lang) title.lang = saved.lang;
  words.appendChild(title);
  if (parts.length > 1) words.appendChild(document.createTextNode(parts[1].replace("{stop}", saved.stop)));
  resume.textContent = "";
  resume.appendChild(words);
  resume.href = resume.getAttribute("data-hall-route-base") + saved.id + "/";
  resume.hidden = false;
  var note = document.querySelector("[data-hall-route-note]");
  if (note) note.hidden = false;
})();
