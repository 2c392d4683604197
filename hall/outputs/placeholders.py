"""Settings of mkdocs.yml that still hold the sample's placeholders: the public address and
the two filing numbers. Printing a placard or publishing the site with one of them would put
a wrong QR code on the wall or a false filing number in the footer, so commands that do
either ask here first (``hall placards``, ``hall publish``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Hosts reserved for examples (RFC 2606 and the sample's own), and loopback.
_EXAMPLE_HOST = re.compile(r"(^|\.)(example(\.(cn|com|org|net))?|invalid|test|localhost)$", re.IGNORECASE)
#: The sample's filing numbers: a run of zeros where the digits go, or "X" for the province.
_ZERO_RUN = re.compile(r"0{6,}")


def placeholder_site_url(url: str | None) -> bool:
    """True when ``url`` is empty, not http(s), or an example/loopback address such as the
    sample's ``https://hall.example.cn/``."""
    if not url or not url.strip():
        return True
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").rstrip(".")
    return parts.scheme not in ("http", "https") or not host or bool(_EXAMPLE_HOST.search(host)) or host == "127.0.0.1"


def placeholder_filing_number(number: str | None) -> bool:
    """True when an ICP or public-security filing number is empty or still the sample's
    (``X ICP备00000000号-1``, ``X公网安备00000000000000号``)."""
    if not number or not number.strip():
        return True
    text = number.strip()
    return bool(_ZERO_RUN.search(text)) or text.startswith(("X ", "X公网安备", "XICP"))
