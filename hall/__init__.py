"""The virtual exhibition hall generator.

The package is laid out by stage of the build, each using only the stages above it:

    dates, i18n, locales/   partial dates; languages, Babel formatting, every UI string
    content/                staff files → a typed, validated ``Hall``; problems with file:line
    media/                  photos → cached derivatives (only media/imaging.py touches Pillow)
    pages/                  the hall → one language's page specs and navigation
    outputs/                feeds, SEO, QR codes, the search index
    cli/                    the `hall` command for staff
    mkdocs/                 the thin MkDocs adapter (the only code that imports MkDocs)

Everything above ``cli/`` and ``mkdocs/`` is plain Python that knows nothing of MkDocs.
"""

__version__ = "0.1.0"
