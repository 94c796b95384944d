"""`python -m claimwatch` runs the command line."""

from claimwatch.cli import app

app()
