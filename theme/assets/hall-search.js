// Site search in Material's header: Pagefind, with Chinese segmented as at build time.
//
// The search UI: the dialog, its result list and paging, and excerpts shown as written.
// The query is segmented by hall-segment.js (the twin of the Python segmentation) and
// Pagefind opened and queried by hall-pagefind.js; theme/partials/hall-search.html loads
// this module and preloads those two, so the three are fetched together. The index is
// imported only when the visitor opens search; a page load fetches none of it.

import { BLOCK_MARK, HAN_ONLY, HAN_RUN, desegment, desegmentText, segmentQuery } from "./hall-segment.js";
import { openPagefind, searchIndex, searchManifest, warm, warmChunks } from "./hall-pagefind.js";

/** Whether an excerpt, as indexed (bigrams, BLOCK_MARKs), starts and ends inside a block
 *  of the page's indexed text: [cut at the start, cut at the end]. A cut side gets "…",
 *  so that 史和民族团结… (from 党史和…) does not read as if the page said so. */
export function excerptCut(excerpt, content) {
  const text = excerpt.trim();
  const at = text && content ? content.indexOf(text) : -1;
  if (at < 0) return [false, false];
  const before = content.slice(0, at).trimEnd();
  const after = content.slice(at + text.length).trimStart();
  return [Boolean(before) && !before.endsWith(BLOCK_MARK) && !text.startsWith(BLOCK_MARK),
          Boolean(after) && !after.startsWith(BLOCK_MARK) && !text.endsWith(BLOCK_MARK)];
}

/** How many characters of an excerpt (as indexed) only repeat the result's title, shown
 *  just above it: its first block, when that is the title or the title's end (a window
 *  at the top of the page) and more text follows; with the block mark after it. */
export function titleLead(excerpt, title) {
  const blocks = excerpt.split(BLOCK_MARK);
  let first = 0;
  while (first < blocks.length && !blocks[first].trim()) first++;
  const lead = first < blocks.length ? desegmentText(blocks[first]).trim() : "";
  if (!title || !lead || !title.endsWith(lead) || !blocks.slice(first + 1).some((block) => block.trim())) return 0;
  return [...blocks.slice(0, first + 1).join(BLOCK_MARK)].length + 1;
}

/** Pagefind's excerpt HTML (text + <mark>) → a DOM fragment, joined back, with "…" where
 *  it cuts into a block of ``content`` (the page's indexed text; excerptCut), less a
 *  first block that repeats the ``title`` (titleLead).
 *  Han text is marked where the query's Han runs occur (Pagefind marks whole bigrams,
 *  which over-reach by a character); other text keeps Pagefind's marks (stemmed words). */
function excerptNode(html, query, content = "", title = "") {
  const template = document.createElement("template");
  template.innerHTML = html;
  const pieces = [];
  const walk = (node, marked) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) for (const c of child.data) pieces.push([c, marked]);
      else walk(child, marked || child.nodeName === "MARK");
    }
  };
  walk(template.content, false);
  const indexed = pieces.map((piece) => piece[0]).join("");
  const [cutStart, cutEnd] = excerptCut(indexed, content);
  const lead = titleLead(indexed, title);
  pieces.splice(0, lead);
  const fragment = document.createDocumentFragment();
  if (cutStart && !lead) fragment.append("…");
  let buffer = "";
  let current = false;
  const flush = () => {
    if (!buffer) return;
    if (current) {
      const mark = document.createElement("mark");
      mark.textContent = buffer;
      fragment.append(mark);
    } else {
      fragment.append(buffer);
    }
    buffer = "";
  };
  const chars = desegment(pieces);
  const text = chars.map((c) => c[0]).join("");
  const hanMarks = new Set();
  for (const run of query.match(HAN_RUN) || []) {
    for (let at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + 1)) {
      for (let i = 0; i < run.length; i++) hanMarks.add(at + i);
    }
  }
  let offset = 0;
  for (const [c, pagefindMark] of chars) {
    const marked = HAN_ONLY.test(c) ? hanMarks.has(offset) : pagefindMark;
    offset += c.length;
    if (marked !== current) { flush(); current = marked; }
    buffer += c;
  }
  flush();
  if (cutEnd) fragment.append("…");
  return fragment;
}

const PAGE_SIZE = 10;

/** A performance mark (hall-search:open, :searched, :shown): scripts/bench/search_quality.py reads
 *  them to tell Pagefind's start-up and search from our own code. */
function mark(name) {
  performance.mark(`hall-search:${name}`);
}

class HallSearch {
  constructor(root) {
    this.root = root;
    this.strings = JSON.parse(root.dataset.hallSearchStrings);
    this.bundle = new URL(root.dataset.hallSearch, document.baseURI);
    this.toggle = document.getElementById("__search");
    this.input = root.querySelector(".md-search__input");
    this.form = root.querySelector("form");
    this.status = root.querySelector(".md-search-result__meta");
    this.list = root.querySelector(".md-search-result__list");
    this.more = root.querySelector(".hall-search__more");
    this.kindsBox = root.querySelector(".hall-search__kinds");
    this.kind = "";
    this.kinds = null;
    this.pagefind = null;
    this.loading = null;
    this.answered = false;  // Pagefind has returned a search (it has started)
    this.results = [];
    this.shown = 0;
    this.serial = 0;
    this.timer = 0;
    this.bind();
  }

  bind() {
    const open = () => { this.toggle.checked = true; this.load(); };
    const search = () => {
      clearTimeout(this.timer);
      // Search at once when idle; while a search runs, wait for typing to pause.
      this.timer = setTimeout(() => this.run(), this.busy ? 80 : 0);
    };
    this.input.addEventListener("focus", open);
    this.input.addEventListener("input", (event) => {
      open();
      // A Chinese input method first puts pinyin (minzu) in the box: search for the
      // characters it ends with, not for the letters on the way.
      if (!event.isComposing) search();
    });
    this.input.addEventListener("compositionend", search);
    // Start Pagefind as the visitor reaches for search (the press before the click,
    // the keyboard shortcut), not only once the box has opened.
    const button = document.querySelector('label[for="__search"]');
    if (button) button.addEventListener("pointerdown", () => this.load(), { passive: true });
    this.toggle.addEventListener("change", () => {
      if (this.toggle.checked) { this.load(); setTimeout(() => this.input.focus(), 50); } else this.input.blur();
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const first = this.list.querySelector("a");
      if (first) first.focus();
    });
    this.form.addEventListener("reset", () => setTimeout(() => { this.run(); this.input.focus(); }, 0));
    this.more.addEventListener("click", () => this.render(true));
    this.root.addEventListener("keydown", (event) => this.keys(event));
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        this.input.focus();
      }
    });
  }

  keys(event) {
    if (event.key === "Escape") {
      this.toggle.checked = false;
      this.input.blur();
      document.querySelector('label[for="__search"].md-header__button')?.focus?.();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...this.list.querySelectorAll("a.md-search-result__link")];
    if (!links.length) return;
    const index = links.indexOf(document.activeElement);
    event.preventDefault();
    if (event.key === "ArrowDown") links[Math.min(index + 1, links.length - 1)].focus();
    else if (index <= 0) this.input.focus();
    else links[index - 1].focus();
  }

  load() {
    if (!this.loading) {
      mark("open");
      this.say(this.strings.loading);
      // Pagefind's script, and the manifest naming the files its start-up will ask for
      // one after another: those are fetched at once (warm), into the HTTP cache.
      const bundle = this.bundle.href;
      import(bundle).catch(() => {});
      const manifest = searchManifest(bundle);
      manifest.then((m) => warm(bundle, m.preload || []));
      // Result URLs are relative to this language's root (the folder holding pagefind/).
      const options = { baseUrl: new URL("..", this.bundle).pathname, excerptLength: 28 };
      // metaCacheTag: the entry file's address as preloaded (Pagefind otherwise adds the time).
      const opened = manifest.then((m) => openPagefind(bundle, m.tag ? { ...options, metaCacheTag: m.tag } : options));
      this.loading = opened.then((pagefind) => {
        this.pagefind = pagefind;
        if (!this.input.value.trim()) this.say(this.strings.prompt);
        return pagefind;
      }).catch((error) => {
        this.loading = null;
        this.say(this.strings.error);
        console.error(error);
      });
    }
    return this.loading;
  }

  async showKinds() {
    const filters = await this.pagefind.filters();
    const kinds = Object.keys(filters.kind || {}).filter((k) => filters.kind[k] > 0);
    if (kinds.length < 2) return;
    const order = ["exhibit", "news", "timeline", "achievement", "page"];
    kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    for (const kind of ["", ...kinds]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "hall-search__kind";
      button.setAttribute("aria-pressed", String(kind === this.kind));
      button.dataset.kind = kind;
      button.textContent = this.strings.kinds[kind || "all"] || kind;
      button.addEventListener("click", () => {
        this.kind = kind;
        for (const other of this.kindsBox.children) other.setAttribute("aria-pressed", String(other === button));
        this.run();
      });
      this.kindsBox.append(button);
    }
    this.kindsBox.hidden = false;
  }

  say(text) {
    this.status.textContent = text;
  }

  async run() {
    const serial = ++this.serial;
    const query = segmentQuery(this.input.value);
    if (!query) {
      this.results = [];
      this.list.replaceChildren();
      this.more.hidden = true;
      this.say(this.strings.prompt);
      return;
    }
    this.busy = true;
    // Until Pagefind has answered once (it is starting), fetch the chunks it will ask for,
    // from the moment its script has started it: asked for at once, they competed with its
    // start-up files (on 127.0.0.1 the first results came 20 ms later; with 100 ms round
    // trips 70 ms sooner).
    if (!this.answered) this.load().then(() => warmChunks(this.bundle.href, query));
    try {
      const pagefind = await this.load();
      if (!pagefind || serial !== this.serial) return;
      const search = await searchIndex(pagefind, this.bundle.href, query, { filters: this.kind ? { kind: this.kind } : {} });
      mark("searched");
      this.answered = true;
      if (serial !== this.serial || !search) return;
      this.results = search.results;
      this.shown = 0;
      this.list.replaceChildren();
      await this.render(false);
      if (!this.kinds) this.kinds = this.showKinds().catch((error) => console.error(error));  // after the first results
    } finally {
      if (serial === this.serial) this.busy = false;
    }
  }

  /** The next PAGE_SIZE results, each shown as soon as it and those before it have
   *  arrived. The first one's fragment is fetched alone and the rest together once it is
   *  in: fetched with nine others, the first result came about 20 ms later at 1000
   *  exhibits. */
  async render(more) {
    const serial = this.serial;
    const first = this.shown;
    const slice = this.results.slice(first, first + PAGE_SIZE);
    const data = slice.slice(0, 1).map((r) => r.data());
    this.shown += slice.length;
    const count = this.results.length;
    for (let i = 0; i < slice.length; i++) {
      const d = await data[i];
      if (serial !== this.serial) return;
      if (i === 0) {
        data.push(...slice.slice(1).map((r) => r.data()));
        this.say(count === 1 ? this.strings.one : this.strings.other.replace("#", count));
      }
      this.list.append(this.item(d));
      if (i === 0) {
        mark("shown");
        if (more) this.list.lastElementChild.querySelector("a")?.focus();
      }
    }
    if (!slice.length) this.say(this.strings.none);
    this.more.hidden = this.shown >= count;
  }

  item(d) {
    // Land on the heading whose section matched best, if it is not the page top.
    const best = [...(d.sub_results || [])].sort((a, b) => b.locations.length - a.locations.length)[0];
    const url = best && best.url.includes("#") && best.locations.length ? best.url : d.url;
    const excerpt = best && best.locations.length ? best.excerpt : d.excerpt;
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = url;
    a.addEventListener("click", () => { this.toggle.checked = false; });
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const h = document.createElement("h1");
    h.textContent = d.meta.title || "";
    article.append(h);
    const section = [this.strings.kinds[d.meta.kind] || "", d.meta.section || ""].filter(Boolean).join(" · ");
    if (section) {
      const p = document.createElement("p");
      p.className = "hall-search__section";
      p.textContent = section;
      article.append(p);
    }
    if (best && best.url.includes("#") && best.title && desegmentText(best.title) !== d.meta.title) {
      const p = document.createElement("p");
      p.className = "hall-search__heading";
      p.textContent = "› " + desegmentText(best.title);
      article.append(p);
    }
    const p = document.createElement("p");
    p.className = "hall-search__excerpt";
    p.append(excerptNode(excerpt || "", this.input.value, d.content || "", d.meta.title || ""));
    article.append(p);
    a.append(article);
    li.append(a);
    return li;
  }
}

if (typeof document !== "undefined") {
  for (const root of document.querySelectorAll("[data-hall-search]")) new HallSearch(root);
}
