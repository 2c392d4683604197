"""The optional footer marks of Party and government sites: the 党政机关网站标识 (an image
issued to the site by 中央编办, with its link) and the 网站标识码. Only what the hall was
issued is shown: without an image file set, no mark (we never ship a lookalike)."""

from __future__ import annotations

from typing import Any, Mapping

from ...i18n import strings


def site_marks(options: Mapping[str, Any], language: str, default_language: str = "zh") -> dict[str, str]:
    """Footer data for theme/partials/copyright.html: empty values show nothing."""
    texts = strings("publish", language, default_language)
    code = str(options.get("site_code") or "").strip()
    return {
        "site_code": texts["site_code"].format(code=code) if code else "",
        "gov_mark_image": str(options.get("gov_mark_image") or "").strip(),
        "gov_mark_link": str(options.get("gov_mark_link") or "").strip(),
        "gov_mark_alt": texts["gov_mark"],
    }
