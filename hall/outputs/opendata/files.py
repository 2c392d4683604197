"""The open data as files: CSV a spreadsheet opens as it is, JSON a program reads.

CSV: UTF-8 with a byte order mark (without it Excel and WPS on a Chinese Windows PC read
UTF-8 as GBK and show 乱码), RFC 4180 quoting and CRLF line ends (RFC 4180's, and what Excel
writes); a text cell that starts with = + - @ (or a tab or carriage return) gets a leading
apostrophe, so a spreadsheet shows staff text as text and never runs it as a formula
(OWASP's "CSV injection"). JSON: an array of objects with the same keys, UTF-8, not
ASCII-escaped (a Chinese title stays readable in any editor).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A value as it may stand in a spreadsheet cell: numbers as they are, text that a
    spreadsheet would read as a formula with an apostrophe before it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    """A table as CSV: BOM, header row, CRLF, quotes only where needed (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_cell(row.get(name, "")) for name in columns])
    return out.getvalue().encode("utf-8-sig")


def json_bytes(data: Any) -> bytes:
    """JSON as UTF-8, readable (indented, not ASCII-escaped), ending with a newline; ``<``,
    ``>`` and ``&`` as JSON escapes, so a file opened by a browser that sniffs it as HTML
    holds no live markup (the same escapes as the JSON-LD; every JSON parser reads them back)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n").encode("utf-8")
