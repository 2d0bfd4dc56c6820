"""The one exception family claimlint raises for problems a user must fix (exit code 2)."""

from __future__ import annotations


class ClaimlintError(Exception):
    """A problem with the command line, a config file or a rule pack, with its place."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class RulesError(ClaimlintError):
    """A rule pack that does not load: bad YAML, an unknown key, a pattern that fails, …"""


class ConfigError(ClaimlintError):
    """A configuration file or option that claimlint cannot use."""


class OutputError(ClaimlintError):
    """A report or baseline file that cannot be written where it was asked for."""
