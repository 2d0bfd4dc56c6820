"""Configuration: `.claimlint.yaml` or `[tool.claimlint]`, jurisdiction profiles, and glob rules."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import regex

from claimlint.errors import ConfigError
from claimlint.model import Severity

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml")
PROFILES_FILE = Path(__file__).resolve().parent / "profiles" / "profiles.yaml"
DEFAULT_EXCLUDE = (".git", "node_modules")


class Config(NamedTuple):
    """Everything a run may be told by a config file, before command-line flags are laid over it."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_rules: tuple[str, ...] = ()  # absolute paths
    severity: Mapping[str, Severity] = {}  # code, name, prefix or category → severity
    fail_on: Severity = Severity.WARNING
    include: tuple[str, ...] = ()  # globs of extra files a folder walk checks
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    per_file_ignores: Mapping[str, tuple[str, ...]] = {}
    languages: tuple[str, ...] = ()  # only these languages' patterns (and '*'); empty: all
    syntax: Mapping[str, str] = {}  # glob → syntax
    profile: tuple[str, ...] = ()
    path: str | None = None  # the file this came from
    root: str = "."  # globs are relative to this folder


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _string_map(value: Any) -> dict[str, Any] | None:
    return (
        dict(value) if isinstance(value, dict) and all(isinstance(k, str) for k in value) else None
    )


def _severity_map(value: Any) -> dict[str, Severity] | None:
    table = _string_map(value)
    if table is None or not all(str(v).upper() in Severity.__members__ for v in table.values()):
        return None
    return {key: Severity.parse(str(level)) for key, level in table.items()}


def _per_file(value: Any) -> dict[str, tuple[str, ...]] | None:
    table = _string_map(value)
    if table is None:
        return None
    converted = {glob: _strings(codes) for glob, codes in table.items()}
    return None if any(codes is None for codes in converted.values()) else converted  # type: ignore[return-value]


def _syntax_map(value: Any) -> dict[str, str] | None:
    from claimlint.sources import SYNTAXES

    table = _string_map(value)
    return table if table is not None and all(v in SYNTAXES for v in table.values()) else None


def _fail_on(value: Any) -> Severity | None:
    return (
        Severity.parse(value)
        if isinstance(value, str) and value.upper() in Severity.__members__
        else None
    )


# key → (field, converter, what a valid value looks like)
KEYS: dict[str, tuple[str, Callable[[Any], Any], str]] = {
    "select": ("select", _strings, "a list of codes, names or categories"),
    "ignore": ("ignore", _strings, "a list of codes, names or categories"),
    "extend-rules": ("extend_rules", _strings, "a list of rule-pack paths"),
    "severity": (
        "severity",
        _severity_map,
        "a mapping of codes, names or categories to error, warning or info",
    ),
    "fail-on": ("fail_on", _fail_on, "error, warning or info"),
    "include": ("include", _strings, "a list of globs"),
    "exclude": ("exclude", _strings, "a list of globs"),
    "per-file-ignores": ("per_file_ignores", _per_file, "a mapping of globs to lists of codes"),
    "languages": ("languages", _strings, "a list of language codes"),
    "syntax": ("syntax", _syntax_map, "a mapping of globs to syntaxes (see --syntax)"),
    "profile": ("profile", _strings, "a profile name or a list of them (see `claimlint profiles`)"),
}


def find(start: Path) -> Path | None:
    """Return the nearest config file from `start` upwards, stopping at the repository root."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.claimlint]" in pyproject.read_text(
            encoding="utf-8", errors="replace"
        ):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def _read_toml(path: Path) -> tuple[dict[str, Any], Callable[[str], int | None]]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text).get("tool", {}).get("claimlint", {})
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        raise ConfigError(f"not valid TOML: {error}", path=str(path), line=line) from None
    lines = text.splitlines()
    header = next(
        (i for i, line in enumerate(lines, 1) if line.strip() == "[tool.claimlint]"), None
    )

    def line_of(key: str) -> int | None:
        pattern = regex.compile(rf"^\s*[\"']?{regex.escape(key)}[\"']?\s*=")
        after = lines[header:] if header else lines
        found = next(
            (i for i, line in enumerate(after, (header or 0) + 1) if pattern.match(line)), None
        )
        return found or header

    return data, line_of


def _read_yaml(path: Path) -> tuple[dict[str, Any], Callable[[str], int | None]]:
    from claimlint.rules import RulesError, read_yaml

    try:
        data = read_yaml(path)
    except RulesError as error:
        raise ConfigError(
            error.message.replace("rule pack", "config file"), path=str(path), line=error.line
        ) from None
    if data is None:
        return {}, lambda key: None
    if not isinstance(data, dict):
        raise ConfigError("a config file is a mapping of settings", path=str(path), line=1)
    return data, lambda key: data.lines.get(key)


def load(path: Path) -> Config:
    """Read and validate the config file at `path`; every error names its file and line."""
    reader = _read_toml if path.name == "pyproject.toml" else _read_yaml
    try:
        data, line_of = reader(path)
    except OSError as error:
        raise ConfigError(
            f"cannot read the config file: {error.strerror}", path=str(path)
        ) from None
    values: dict[str, Any] = {"path": str(path), "root": str(path.parent.resolve())}
    for key, value in data.items():
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise ConfigError(
                f"unknown setting {key!r} (known: {known})", path=str(path), line=line_of(key)
            )
        field, convert, expected = KEYS[key]
        converted = convert(value)
        if converted is None:
            raise ConfigError(f"{key} must be {expected}", path=str(path), line=line_of(key))
        values[field] = converted
    if "extend_rules" in values:
        values["extend_rules"] = tuple(
            str((path.parent / p).resolve()) for p in values["extend_rules"]
        )
    for name in values.get("profile", ()):
        if name not in profiles():
            raise ConfigError(_unknown_profile(name), path=str(path), line=line_of("profile"))
    return Config(**values)


# ---------------------------------------------------------------------------- profiles


class Profile(NamedTuple):
    """A jurisdiction's defaults: severities and the extra rules (mandated disclaimers) it adds."""

    name: str
    description: str
    severity: Mapping[str, Severity]
    extend_rules: tuple[str, ...]


@lru_cache(maxsize=1)
def profiles() -> Mapping[str, Profile]:
    """Return the jurisdiction profiles shipped with claimlint, by name."""
    from claimlint.rules import read_yaml

    data = read_yaml(PROFILES_FILE)
    result = {}
    for name, entry in data["profiles"].items():
        extend = tuple(str(PROFILES_FILE.parent / p) for p in entry.get("extend-rules", ()))
        severity = _severity_map(entry.get("severity", {})) or {}
        result[name] = Profile(name, entry["description"].strip(), severity, extend)
    return result


def _unknown_profile(name: str) -> str:
    return f"unknown profile {name!r} (known: {', '.join(profiles())})"


def check_profiles(names: Sequence[str]) -> None:
    """Raise ConfigError for a profile name claimlint does not know."""
    for name in names:
        if name not in profiles():
            raise ConfigError(_unknown_profile(name))


# ---------------------------------------------------------------------------- globs


@lru_cache(maxsize=512)
def _glob(pattern: str) -> regex.Pattern[str]:
    """Compile a gitignore-style glob: no slash matches a name at any depth, `**` any folders."""
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    parts = []
    for piece in regex.split(r"(\*\*/?|\*|\?)", pattern):
        if piece in ("**/", "**"):
            parts.append("(?:.*/)?" if piece == "**/" else ".*")
        elif piece == "*":
            parts.append("[^/]*")
        elif piece == "?":
            parts.append("[^/]")
        else:
            parts.append(regex.escape(piece))
    body = "".join(parts)
    return regex.compile(("^" if anchored else "^(?:.*/)?") + body + "(?:/.*)?$")


def matches(path: str, globs: Sequence[str], root: str) -> bool:
    """Tell whether `path` (or a folder above it) matches one of the gitignore-style `globs`."""
    if not globs:
        return False
    try:
        relative = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        relative = path
    posix = PurePosixPath(*Path(relative).parts).as_posix()
    return any(_glob(glob).match(posix) for glob in globs)


def first_match(path: str, table: Mapping[str, Any], root: str) -> Any:
    """Return the value of the first glob in `table` that matches `path`, or None."""
    return next((value for glob, value in table.items() if matches(path, [glob], root)), None)
