"""How the `hall` command talks to staff: one line in Chinese, then the same in English."""

from __future__ import annotations

import sys
from typing import TextIO


def say(zh: str, en: str, stream: TextIO | None = None) -> None:
    print(f"{zh}  {en}", file=stream or sys.stdout, flush=True)
