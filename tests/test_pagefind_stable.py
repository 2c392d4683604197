"""The same pages give the same Pagefind bundle (hall/outputs/search/pagefind.py
``stabilize_filters``): Pagefind 1.5 writes filter values in a hash map's order, which
renamed the filter files, the metadata and the entry on every build."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

from hall.outputs.search.pagefind import run_pagefind, stabilize_filters

KINDS = ("exhibit", "news", "page", "timeline", "achievement", "video", "map")
ZONES = ("history", "customs", "prologue", "achievements")


def _bundle(scratch: Path, stable: bool = True) -> dict[str, bytes]:
    site = scratch / "site"
    for number in range(14):
        page = site / f"p{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<html lang="en"><body><main data-pagefind-body data-pagefind-filter="kind:{KINDS[number % 7]}">'
            f'<span data-pagefind-filter="zone">{ZONES[number % 4]}</span><h1>Exhibit {number}</h1>'
            f"<p>words of page {number} about the hall</p></main></body></html>", encoding="utf-8")
    bundle = scratch / "out"
    (scratch / "pagefind.json").write_text(json.dumps({"site": str(site), "output_path": str(bundle)}), encoding="utf-8")
    run_pagefind(scratch)
    if stable:
        stabilize_filters(bundle)
    return {str(path.relative_to(bundle)): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}


def _cbor(data: bytes):
    return cbor2.loads(gzip.decompress(data)[len(b"pagefind_dcd"):])


def test_three_runs_over_the_same_pages_write_the_same_bundle(tmp_path):
    runs = [_bundle(tmp_path / f"run{n}") for n in range(3)]
    assert runs[0] == runs[1] == runs[2]
    filters = {name: data for name, data in runs[0].items() if name.startswith("filter/")}
    assert len(filters) == 2
    for name, data in filters.items():
        filter_name, values = _cbor(data)
        assert [value[0] for value in values] == sorted(value[0] for value in values)
        # named as Pagefind names them: SHA-1 of the CBOR, each byte in hex without its leading zero
        digest = "".join(f"{b:x}" for b in hashlib.sha1(cbor2.dumps([filter_name, values])).digest())
        assert name == f"filter/en_{digest[:7]}.pf_filter"
    entry = json.loads(runs[0]["pagefind-entry.json"])
    meta = _cbor(runs[0][f"pagefind.{entry['languages']['en']['hash']}.pf_meta"])
    assert [pair[0] for pair in meta[3]] == ["kind", "zone"]
    assert {f"filter/{pair[1]}.pf_filter" for pair in meta[3]} == set(filters)


def test_cbor2_writes_pagefind_s_own_index_files_back_byte_for_byte(tmp_path):
    """What stabilize_filters relies on to rewrite them as Pagefind would."""
    files = {name: data for name, data in _bundle(tmp_path, stable=False).items() if name.endswith((".pf_filter", ".pf_meta"))}
    assert len(files) == 3  # two filters and the metadata
    for name, data in files.items():
        raw = gzip.decompress(data)
        assert raw.startswith(b"pagefind_dcd")
        assert cbor2.dumps(_cbor(data)) == raw[len(b"pagefind_dcd"):], name
