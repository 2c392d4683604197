"""The `hall` command for staff: a friendly, bilingual front over MkDocs (``app``), its
staff tools (``staff``, ``scaffold``), and the kiosk launcher (``kiosk``)."""

from .app import build_parser, main, run

__all__ = ["build_parser", "main", "run"]
