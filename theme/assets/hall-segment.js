// Chinese in search, in the browser: the query segmented as the index was, and excerpts
// joined back for display.
//
// Pagefind's index holds Chinese as character bigrams, written at build time, so a query
// finds it only when segmented the same way. This mirrors the Python segmentation,
// hall/outputs/search/ (hall/outputs/search/segment.py after the restructuring): a parity test
// (tests/test_search_browser.py test_browser_segmentation_matches_python) keeps the two
// equal, so change them together. A query of one short run of Han characters becomes the
// phrase of its bigrams, other runs bigrams covering them, a single character stays.
// Excerpts come back segmented (民族 族团 团结 结) and are joined back (desegment).
// Pure functions, no DOM and no fetch: hall-pagefind.js, hall-search.js and the tests
// share them.

const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
export const HAN_RUN = new RegExp(`[${HAN}]+`, "gu");
export const HAN_ONLY = new RegExp(`^[${HAN}]+$`, "u");

/** Bigrams covering a run of Han characters, every other one and the last, or the
 *  character itself (hall/outputs/search/ query_tokens). */
export function queryTokens(run) {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out = [];
  for (let i = 0; i < chars.length - 1; i += 2) out.push(chars[i] + chars[i + 1]);
  if (chars.length % 2) out.push(chars[chars.length - 2] + chars[chars.length - 1]);
  return out;
}

/** The longest Han run searched as a phrase (hall/outputs/search/ PHRASE_MAX). */
const PHRASE_MAX = 5;

/** The query as searched: Han runs as bigrams, everything else unchanged; a query of one
 *  run of 2 to PHRASE_MAX characters as a phrase of all its bigrams (hall/outputs/search/
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

/** Written before each block of text at build time (hall/outputs/search/ BLOCK_MARK); one space
 *  when text is joined back, none after a full stop or the like. */
export const BLOCK_MARK = "¶";
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

/** desegment() on plain text, for titles and tests. */
export function desegmentText(text) {
  return desegment([...text].map((c) => [c, false])).map((c) => c[0]).join("");
}
