"""Allow `python -m timeline`."""

from timeline.cli import cli

cli()
