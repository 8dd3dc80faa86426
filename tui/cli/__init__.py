"""The ``claimlens`` command line: one module per group of commands (see root.py)."""

from tui.cli.root import main

__all__ = ["main"]
