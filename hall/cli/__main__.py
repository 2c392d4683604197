"""``python -m hall.cli``: the `hall` command without its console script."""

from .app import run

run()
