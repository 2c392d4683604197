// Site search in Material's header: Pagefind, with Chinese segmented as at build time.
//
// The index (pagefind/ under this language's root) is imported only when the visitor
// opens search; a page load fetches none of it. The query is segmented exactly as
// hall/search.py's segment_query does (tests/test_search_browser.py checks both agree):
// a query of one short run of Han characters becomes the phrase of its bigrams, other
// runs bigrams covering them, a single character stays, and Pagefind is kept from
// splitting them again (openPagefind). Excerpts come back
// segmented (民族 族团 团结 结) and are joined back for display.

const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const HAN_RUN = new RegExp(`[${HAN}]+`, "gu");
const HAN_ONLY = new RegExp(`^[${HAN}]+$`, "u");

/** Bigrams covering a run of Han characters, every other one and the last, or the
 *  character itself (hall/search.py query_tokens). */
function queryTokens(run) {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out = [];
  for (let i = 0; i < chars.length - 1; i += 2) out.push(chars[i] + chars[i + 1]);
  if (chars.length % 2) out.push(chars[chars.length - 2] + chars[chars.length - 1]);
  return out;
}

/** The longest Han run searched as a phrase (hall/search.py PHRASE_MAX). */
const PHRASE_MAX = 5;

/** The query as searched: Han runs as bigrams, everything else unchanged; a query of one
 *  run of 2 to PHRASE_MAX characters as a phrase of all its bigrams (hall/search.py
 *  segment_query: exact, and far cheaper for Pagefind on the broadest queries). */
export function segmentQuery(query) {
  const quoted = /^\s*"(.*)"\s*$/su.exec(query);  // the visitor asks for a phrase
  const run = (quoted ? quoted[1] : query).trim();
  const chars = [...run];
  if (HAN_ONLY.test(run) && chars.length >= 2 && (quoted || chars.length <= PHRASE_MAX)) {
    return `"${chars.slice(1).map((c, i) => chars[i] + c).join(" ")}"`;
  }
  return query.replace(HAN_RUN, (run) => ` ${queryTokens(run).join(" ")} `).replace(/\s+/g, " ").trim();
}

/** Written before each block of text at build time (hall/search.py BLOCK_MARK); one space
 *  when text is joined back, none after a full stop or the like. */
const BLOCK_MARK = "¶";
const CLOSING_PUNCTUATION = "。！？；：，、）》」』】";

/** Indexed text → [[char, marked], …] as written (the inverse of segment_text). */
export function desegment(pieces) {
  const tokens = [];
  let sep = [];
  let word = [];
  for (const piece of pieces) {
    if (/\s/u.test(piece[0])) {
      if (word.length) { tokens.push([sep, word]); sep = []; word = []; }
      sep.push(piece);
    } else {
      word.push(piece);
    }
  }
  if (word.length) tokens.push([sep, word]);
  const out = [];
  let inRun = false;
  let afterHan = false;
  let block = false;  // a block boundary (BLOCK_MARK) since the last word
  for (const [space, chars] of tokens) {
    const text = chars.map((c) => c[0]).join("");
    if (text === BLOCK_MARK) {
      block = out.length > 0;
      inRun = false;
      continue;
    }
    const han = chars.length <= 2 && HAN_ONLY.test(text);
    if (inRun && han) {
      if (chars[0][1] && out.length) out[out.length - 1] = [out[out.length - 1][0], true];
      out.push(...chars.slice(1));
    } else {
      if (block && !CLOSING_PUNCTUATION.includes(out[out.length - 1][0])) out.push([" ", false]);
      else if (!(han || afterHan || block)) out.push(...space);
      out.push(...chars);
    }
    inRun = han && chars.length === 2;
    afterHan = han;
    block = false;
  }
  return out;
}

/** What Pagefind is told the page's language is while it starts (openPagefind).
 *
 *  Pagefind's worker takes the query's language from <html lang>, not from the index,
 *  and runs the query through Intl.Segmenter in that language: for zh it splits it again
 *  (固原 → 固 原; our bigrams then became one-character prefix searches that found 23
 *  of 固原's 266 pages at 1000 exhibits), and for any language the segmenter's first use
 *  in a fresh worker costs 15–40 ms before the first search. This is not a valid
 *  language tag, on purpose: Pagefind then takes the query character by character,
 *  as segmentQuery() wrote it, and, finding no index of that name, opens the bundle's
 *  only one (each language has a bundle of its own; Chinese is indexed as "und",
 *  English as "en" and stemmed by the index, hall/search.py index_language). */
export const PAGEFIND_LANGUAGE = "hall_presegmented";

/** This language's Pagefind bundle, imported and started, ready for segmentQuery() terms.
 *  <html lang> reads PAGEFIND_LANGUAGE while Pagefind starts and the page's own is put
 *  back at once (in the same task: nothing renders in between). */
export async function openPagefind(bundleUrl, options = {}) {
  const pagefind = await import(bundleUrl);
  await pagefind.options(options);
  const html = document.documentElement;
  const lang = html.getAttribute("lang");
  html.setAttribute("lang", PAGEFIND_LANGUAGE);
  try {
    pagefind.init();  // reads <html lang> before its first await
  } finally {
    if (lang === null) html.removeAttribute("lang"); else html.setAttribute("lang", lang);
  }
  return pagefind;
}

const manifests = new Map();

/** hall-search.json beside the bundle (hall/search.py write_search_manifest): the files
 *  Pagefind's start-up fetches and its index chunks.
 *  Fetched once and revalidated, since the site may have been rebuilt since it was
 *  cached; {} when it cannot be had (search then works as Pagefind alone). */
export function searchManifest(bundleUrl) {
  const url = new URL("hall-search.json", bundleUrl).href;
  if (!manifests.has(url)) {
    manifests.set(url, fetch(url, { cache: "no-cache" }).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
  }
  return manifests.get(url);
}

const warmed = new Set();

/** Fetch files of the bundle into the HTTP cache, each once, so that Pagefind, which
 *  asks for them one after another, finds them there: on a phone's connection each of
 *  its steps otherwise costs a round trip. */
function warm(bundleUrl, files) {
  for (const file of files) {
    const url = new URL(file, bundleUrl).href;
    if (warmed.has(url)) continue;
    warmed.add(url);
    fetch(url).then((r) => r.arrayBuffer()).catch(() => {});
  }
}

const utf8 = new TextEncoder();

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function charBoundary(bytes, at) {
  return at >= bytes.length || (bytes[at] & 0xc0) !== 0x80;
}

/** The query as Pagefind's worker passes it on (lower case, no punctuation, no
 *  diacritics: its search() with our PAGEFIND_LANGUAGE). */
function pagefindQuery(query) {
  let out = "";
  for (const c of query) if (!/^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u.test(c)) out += c.toLocaleLowerCase();
  return out.replace(/\s{2,}/g, " ").trim().normalize("NFD").replace(/\p{M}/gu, "");
}

/** The index chunks (file hashes) Pagefind will load for a segmentQuery() query: for each
 *  term the first chunk whose first and last words enclose it (compared as UTF-8 bytes,
 *  as Pagefind's Rust does), or, when no term has one, the first chunk whose boundaries
 *  enclose it when both are cut to the shorter length (request_indexes in pagefind_web). */
export function chunksFor(manifest, query) {
  const chunks = (manifest.chunks || []).map(([from, to, hash]) => [utf8.encode(from), utf8.encode(to), hash]);
  const terms = pagefindQuery(query).split(" ").map((term) => utf8.encode(term));
  const strict = (term, from, to) => compareBytes(term, from) >= 0 && compareBytes(term, to) <= 0;
  const loose = (term, from, to) => {
    const f = Math.min(term.length, from.length);
    const t = Math.min(term.length, to.length);
    if (![charBoundary(term, f), charBoundary(from, f), charBoundary(term, t), charBoundary(to, t)].every(Boolean)) return false;
    return compareBytes(term.subarray(0, f), from.subarray(0, f)) >= 0 && compareBytes(term.subarray(0, t), to.subarray(0, t)) <= 0;
  };
  const pick = (match) => {
    const found = new Set();
    for (const term of terms) {
      const chunk = chunks.find(([from, to]) => match(term, from, to));
      if (chunk) found.add(chunk[2]);
    }
    return found;
  };
  let found = pick(strict);
  if (!found.size && query.trim()) found = pick(loose);
  return [...found].sort();
}

/** The one-character Han terms of a segmentQuery() query. */
function singleCharacters(query) {
  return query.split(" ").filter((term) => HAN_ONLY.test(term) && [...term].length === 1);
}

/** A one-character term is a prefix of the bigrams it starts, and Pagefind 1.5 loads only
 *  the index chunk where the bare character sorts, while its bigrams may run on into the
 *  next chunks (at 1000 exhibits 的 found 963 of its 1505 pages). A chunk boundary that
 *  starts with the character (固 → 固原) names a word in each further chunk holding its
 *  bigrams; preloading those words first finds every page. (Listing each page's
 *  characters in a meta field did the same at 1.6 s of every 1000-exhibit build.) */
function prefixWords(manifest, query) {
  const words = new Set();
  for (const c of singleCharacters(query)) {
    for (const chunk of manifest.chunks || []) {
      for (const word of chunk.slice(0, 2)) if (word !== c && word.startsWith(c)) words.add(word);
    }
  }
  return [...words];
}

/** pagefind.search() for a segmentQuery() query, with the chunks of its one-character
 *  terms preloaded (prefixWords), and a phrase's pages put in order (rankPhrase). */
export async function searchIndex(pagefind, bundleUrl, query, options = {}) {
  if (singleCharacters(query).length) {
    const words = prefixWords(await searchManifest(bundleUrl), query);
    await Promise.all(words.map((word) => pagefind.preload(word)));
  }
  const search = await pagefind.search(query, options);
  if (search && query.startsWith('"') && search.results.length > 1) {
    search.results = await rankPhrase(pagefind, query, search.results, options);
  }
  return search;
}

/** Up to this many pages, a phrase's pages are ranked by Pagefind's ranked search. */
const RANKED_UP_TO = 300;

/** A phrase's pages in order. Pagefind scores them all alike, in its own page order, and
 *  gives each only the phrase's first place, where its excerpt then starts.
 *  Up to RANKED_UP_TO pages: as Pagefind's ranked search (BM25) for the bigrams covering
 *  the phrase returns them (it finds them all, and maybe pages where the bigrams lie
 *  apart, left out here), with its excerpts from where the bigrams are densest.
 *  Beyond, that search would return every place of every bigram on every page (民族 on
 *  1506 pages: 27 554 places, 4 times the phrase search's time), and a word on that many
 *  pages weighs next to nothing in its scores: the pages that name the phrase earliest
 *  come first, its title first. */
async function rankPhrase(pagefind, phrase, results, options) {
  if (results.length <= RANKED_UP_TO) {
    const words = phrase.slice(1, -1).trim();
    const run = desegmentText(words);
    const ranked = await pagefind.search(HAN_ONLY.test(run) ? queryTokens(run).join(" ") : words, options);
    const exact = new Set(results.map((result) => result.id));
    return ranked.results.filter((result) => exact.has(result.id));
  }
  return results.map((result, order) => [result.words[0] ?? Infinity, order, result])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map((entry) => entry[2]);
}

/** While Pagefind starts: fetch the index chunks ``query`` needs, and those its
 *  one-character terms will preload, so that they are in when Pagefind asks. */
async function warmChunks(bundleUrl, query) {
  const manifest = await searchManifest(bundleUrl);
  const words = [query, ...prefixWords(manifest, query)].join(" ");
  warm(bundleUrl, chunksFor(manifest, words).map((hash) => `index/${hash}.pf_index`));
}

/** desegment() on plain text, for titles and tests. */
export function desegmentText(text) {
  return desegment([...text].map((c) => [c, false])).map((c) => c[0]).join("");
}

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

/** A performance mark (hall-search:open, :searched, :shown): scripts/bench_search.py reads
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
