"""The exception family of canonym: catch :class:`CanonymError` for all of them."""

from __future__ import annotations


class CanonymError(Exception):
    """Base class of every error canonym raises on purpose."""


class GazetteerError(CanonymError):
    """Bad gazetteer data; ``problems`` holds one ``path: field: message`` line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the gazetteer"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class ConfigError(CanonymError):
    """A bad option or setting."""


class InputError(CanonymError):
    """Bad input data (a file, a row, a column) that the run cannot use."""
