// Pagefind for the search box: opening this language's bundle, fetching ahead what it will
// ask for, and querying it with segmented queries.
//
// The index (pagefind/ under this language's root) is imported only when the visitor
// opens search; a page load fetches none of it. The query comes segmented by
// hall-segment.js and Pagefind is kept from splitting it again (openPagefind). Pagefind
// asks for its files one after another, so the manifest written at build time names them
// and they are fetched at once (searchManifest, warm, warmChunks); a one-character query
// preloads the chunks its bigrams run into (prefixWords), and a phrase's pages are put in
// order (rankPhrase). Apart from the search UI (hall-search.js), so that scripts and
// tests search exactly as the search box does.

import { HAN_ONLY, desegmentText, queryTokens } from "./hall-segment.js";

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
 *  English as "en" and stemmed by the index, hall/outputs/search/ index_language). */
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

/** hall-search.json beside the bundle (hall/outputs/search/ write_search_manifest): the files
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
export function warm(bundleUrl, files) {
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
export async function warmChunks(bundleUrl, query) {
  const manifest = await searchManifest(bundleUrl);
  const words = [query, ...prefixWords(manifest, query)].join(" ");
  warm(bundleUrl, chunksFor(manifest, words).map((hash) => `index/${hash}.pf_index`));
}
