"""Running Pagefind over one language's built pages, and what we add to its bundle: a
manifest for fetching ahead (``hall-search.json``), a shorter start-up poll, and no unused
UI files. Everything that knows Pagefind's binary and bundle layout is here."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import cbor2

from .pages import EXCLUDE_SELECTORS, SearchPage, prepare_page


@dataclass
class IndexReport:
    pages: int = 0
    skipped: list[str] = field(default_factory=list)


def build_index(site_dir: Path, pages: Iterable[SearchPage], language: str,
                output: str = "pagefind") -> IndexReport:
    """Write a Pagefind index of ``pages`` (already built in ``site_dir``) to ``site_dir/output``.

    The prepared copies go to a scratch folder that Pagefind's command line indexes in
    one run (``run_pagefind``).
    """
    site_dir = Path(site_dir)
    report = IndexReport()
    bundle = site_dir / output
    with tempfile.TemporaryDirectory(prefix=".hall-pagefind-", dir=site_dir.parent) as scratch:
        pages_dir = Path(scratch) / "site"
        for page in pages:
            path = site_dir / page.dest_uri
            prepared = prepare_page(path.read_text(encoding="utf-8"), page) if path.is_file() else None
            if prepared is None:
                report.skipped.append(page.dest_uri)
                continue
            target = pages_dir / page.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(prepared, encoding="utf-8")
            report.pages += 1
        # Files an earlier run left empty (see _written): Pagefind does not write a
        # hashed name again.
        for path in bundle.rglob("*"):
            if path.is_file() and path.stat().st_size == 0:
                path.unlink()
        if report.pages:
            config = {
                "site": str(pages_dir),
                "output_path": str(bundle),
                "force_language": index_language(language),
                "exclude_selectors": list(EXCLUDE_SELECTORS),
            }
            (Path(scratch) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
            run_pagefind(Path(scratch))
            _written(bundle)
            stabilize_filters(bundle)
            shorten_startup_polling(bundle)
            write_search_manifest(bundle)
    _drop_unused_bundle_files(bundle)
    return report


def run_pagefind(folder: Path) -> None:
    """Run Pagefind's command line with the ``pagefind.json`` in ``folder``.

    Its indexing service (the Python package's way, used before) spends 40% more CPU on
    the same pages: Chinese at 1000 exhibits took 6.5 s instead of 4.6 s (the service
    writes its index more slowly), and it answered "written" before its files held
    their bytes (see ``_written``).
    """
    from pagefind.service import (
        get_executable,  # 0.1 s to import (asyncio): only when indexing
    )

    executable = get_executable()
    if executable is None:
        raise RuntimeError("the Pagefind binary is not installed (pip package pagefind[bin])")
    result = subprocess.run([str(executable), "--silent"], cwd=folder, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()}")


def _written(bundle: Path, timeout: float = 60) -> None:
    """Wait until every file Pagefind wrote to ``bundle`` holds its bytes.

    Pagefind 1.5.2's indexing service answered "written" once each file was created and
    its bytes handed to a background thread (tokio, no flush); stopping it right then
    left files empty (a 0-byte pagefind.js in the English index of the 1000-exhibit
    hall). The command line is checked the same way, cheaply: each file is written in
    one piece, so when none is empty, all are done.
    """
    deadline = time.monotonic() + timeout
    while any(path.stat().st_size == 0 for path in bundle.rglob("*") if path.is_file()):
        if time.monotonic() > deadline:
            raise RuntimeError(f"Pagefind left empty files in {bundle}")
        time.sleep(0.05)


SEARCH_MANIFEST = "hall-search.json"


def write_search_manifest(bundle: Path) -> dict:
    """Write ``SEARCH_MANIFEST`` beside the index: what the browser needs to know of the
    bundle before Pagefind does (hall-search.js ``searchManifest``).

    - ``preload``: the files Pagefind's start-up fetches one after another (its worker
      script, then its entry file, then metadata and WASM). The browser fetches them all
      at once as search opens, and Pagefind then finds them in the HTTP cache: on a
      connection with 100 ms round trips the first results came 0.25 s sooner (0.35 s
      with the query's chunks, below).
    - ``tag``: a hash of the entry file, given to Pagefind as ``metaCacheTag`` so that
      the entry's address is the same for our preload and for Pagefind (by default it
      adds the time), and changes whenever the index does.
    - ``chunks``: every index chunk as [first word, last word, file], so that the
      browser fetches the chunks a query needs while Pagefind is still starting, and
      finds the further chunks a one-character query's bigrams run into (hall-search.js
      ``prefixWords``).
    """
    entry_bytes = (bundle / "pagefind-entry.json").read_bytes()
    entry = json.loads(entry_bytes)
    tag = hashlib.sha256(entry_bytes).hexdigest()[:12]
    preload = ["pagefind-worker.js", f"pagefind-entry.json?ts={tag}"]
    for language in entry.get("languages", {}).values():
        preload += [f"pagefind.{language['hash']}.pf_meta", f"wasm.{language.get('wasm') or 'unknown'}.pagefind"]
    manifest = {"tag": tag, "preload": preload, "chunks": _chunks(bundle, entry)}
    (bundle / SEARCH_MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")),
                                          encoding="utf-8")
    return manifest


def _chunks(bundle: Path, entry: Mapping) -> list[list[str]]:
    """Every index chunk as [first word, last word (as Pagefind trims them), file hash],
    from the metadata file the entry names: gzip, a signature, then CBOR
    [version, pages, [[from, to, hash], …], …]."""
    chunks: list[list[str]] = []
    for language in entry.get("languages", {}).values():
        path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_cbor(path)
        try:
            found = [[chunk[0], chunk[1], chunk[2]] for chunk in meta[2]]
            if not (isinstance(meta[0], str) and all(isinstance(part, str) for chunk in found for part in chunk)):
                raise TypeError
        except (TypeError, IndexError, KeyError):
            raise RuntimeError(
                f"Pagefind's index metadata ({path.name}) is not laid out as hall/outputs/search/pagefind.py expects "
                "(was Pagefind upgraded?): one-character Chinese queries would miss pages."
            ) from None
        chunks += found
    return chunks


_SIGNATURE = b"pagefind_dcd"  # before the CBOR of every gzipped index file


def _read_cbor(path: Path):
    data = gzip.decompress(path.read_bytes())
    return cbor2.loads(data[len(_SIGNATURE):] if data.startswith(_SIGNATURE) else data)


def _pagefind_hash(data: bytes) -> str:
    """Pagefind's ``full_hash``: SHA-1 as hex, each byte without its leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def stabilize_filters(bundle: Path) -> None:
    """Write Pagefind's filter files in a stable order, so that the same pages give the same
    bundle: otherwise every build renames the filter files, the metadata and the entry
    (and the manifest's tag), so a publish uploads them again and visitors' caches of the
    index are thrown away.

    Pagefind 1.5 writes a filter's values, and the metadata's list of filters, in the
    order of a hash map, which changes from run to run (its own TODO, "Change filter
    indexes to BTree to give them a stable hash", pagefind/src/index/mod.rs). Here both
    are sorted, and the files renamed the way Pagefind names them (SHA-1 of the CBOR).
    The CBOR is the same as Pagefind's: cbor2 writes it back byte for byte (tested)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for code, language in entry.get("languages", {}).items():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_cbor(meta_path)
        meta[3] = sorted(([name, digest] for name, digest in meta[3]), key=lambda pair: pair[0])
        olds = [bundle / "filter" / f"{digest}.pf_filter" for _, digest in meta[3]]
        filters = [_read_cbor(path) for path in olds]  # all read before any is written: a new name may be an old one
        for path in olds:
            path.unlink()  # written again even when unchanged: its gzip bytes then do not depend on the run
        taken: set[str] = set()
        for pair, (name, values) in zip(meta[3], filters):
            data = cbor2.dumps([name, sorted(values, key=lambda value: value[0])])
            full = f"{code}_{_pagefind_hash(data)}"
            pair[1] = full[:len(code) + 8]
            while pair[1] in taken and len(pair[1]) < len(full):
                pair[1] = full[:len(pair[1]) + 1]
            taken.add(pair[1])
            _write_cbor(bundle / "filter" / f"{pair[1]}.pf_filter", data)
        data = cbor2.dumps(meta)
        meta_path.unlink()
        language["hash"] = f"{code}_{_pagefind_hash(data)[:len(code) + 8]}"
        _write_cbor(bundle / f"pagefind.{language['hash']}.pf_meta", data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _write_cbor(path: Path, data: bytes) -> None:
    """As Pagefind writes its index files: gzip at the best level, no time, the signature first."""
    path.write_bytes(gzip.compress(_SIGNATURE + data, compresslevel=9, mtime=0))


#: Pagefind 1.5 checks every 50 ms whether its own start-up has finished
#: (``PagefindInstance.getPtr``), so a search asked for while it starts (the first
#: query, typed as search opens) waits up to 50 ms, 25 on average, after Pagefind is
#: ready. Checking every 5 ms costs about 20 wake-ups once.
_STARTUP_POLL = "async getPtr(){while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}"
_STARTUP_POLL_SHORT = _STARTUP_POLL.replace("asyncSleep(50)", "asyncSleep(5)")


def shorten_startup_polling(bundle: Path) -> None:
    """Make Pagefind's scripts (its worker, and the main-thread copy it falls back to)
    check for their start-up every 5 ms instead of 50: 25 ms sooner to the first results
    on average (A/B on the 1000-exhibit hall: start-up 0.174 -> 0.148 s).

    A small patch to generated code, kept to one exact string: when a Pagefind upgrade
    changes it, the files are left as Pagefind wrote them (search works, 25 ms slower)
    and a test in tests/test_build.py says so.
    """
    for name in ("pagefind-worker.js", "pagefind.js"):
        path = bundle / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if text.count(_STARTUP_POLL) == 1:
            path.write_text(text.replace(_STARTUP_POLL, _STARTUP_POLL_SHORT), encoding="utf-8")


# Pagefind also writes its ready-made UIs; the site uses its own (hall-search.js).
_UNUSED_BUNDLE_FILES = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def _drop_unused_bundle_files(bundle: Path) -> None:
    for pattern in _UNUSED_BUNDLE_FILES:
        for path in bundle.glob(pattern):
            path.unlink()


def index_language(language: str) -> str:
    """The language Pagefind is told: Chinese must not be re-segmented by Pagefind.

    For zh/ja/th Pagefind (extended) segments the indexed text again and the browser
    splits the query with Intl.Segmenter (展厅 → 展 + 厅), undoing our bigrams, so our
    pre-segmented Chinese is indexed as "und" (no segmentation, no stemming). English
    keeps its code so Pagefind stems it on both sides.
    """
    return "und" if language.split("-")[0].lower() in ("zh", "ja", "th") else language
