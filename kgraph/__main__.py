"""``python -m kgraph``: the command line."""

from kgraph.cli import cli

cli()
