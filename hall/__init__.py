"""The virtual exhibition hall generator.

The core (``hall.content``, ``hall.dates``, ``hall.i18n``, ``hall.media``, ``hall.views``)
is plain Python that knows nothing of MkDocs; ``hall.mkdocs`` is the thin adapter.
"""

__version__ = "0.1.0"
