"""The command line: parse options, run the pure core over files, print, pick the exit code."""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.context
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from enum import IntEnum
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import click

from claimlint import __version__, rules, sources
from claimlint.engine import TOOL_RULES, tool_finding
from claimlint.errors import ClaimlintError
from claimlint.formatters import FORMATTERS
from claimlint.lint import lint_document
from claimlint.model import Finding, Rule, RulePack, Severity

SKIPPED_DIRECTORIES = {"node_modules", "__pycache__", "venv"}
PARALLEL_FROM = 64  # fewer files than this are checked in one process: a pool costs more than it saves


class ExitCode(IntEnum):
    """What a run of claimlint tells the shell."""

    CLEAN = 0  # nothing at or above --fail-on
    FINDINGS = 1
    ERROR = 2  # usage, config or rule-pack error, or a file that could not be checked


# ---------------------------------------------------------------------------- select / ignore


def _split(values: Iterable[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _specificity(selector: str, code: str, name: str, category: str) -> int:
    """How closely `selector` names a rule: exact beats category beats a code prefix; -1: not."""
    if selector in (code, name):
        return 1000
    if selector == category:
        return 500
    return len(selector) if code.startswith(selector) else -1


def is_selected(code: str, name: str, category: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Tell whether a rule is on: the most specific of --select and --ignore wins (as in ruff)."""
    chosen = max((_specificity(s, code, name, category) for s in select), default=0)
    dropped = max((_specificity(s, code, name, category) for s in ignore), default=-1)
    return chosen >= 0 and chosen > dropped


def _check_selectors(pack: RulePack, selectors: Sequence[str], option: str) -> None:
    known = [(r.code, r.name, r.category) for r in pack.rules]
    known += [(code, name, "tool") for code, name in TOOL_RULES.items()]
    for selector in selectors:
        if all(_specificity(selector, *rule) < 0 for rule in known):
            hint = "see `claimlint rules` for the codes, names and categories"
            raise click.UsageError(f"{option}: no rule is called {selector!r}; {hint}")


# ---------------------------------------------------------------------------- files


def discover(paths: Sequence[str]) -> Iterator[str]:
    """Yield the files to check: named files as given, directories walked in sorted order."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, directories, files in os.walk(path):
            directories[:] = sorted(
                d for d in directories if not d.startswith(".") and d not in SKIPPED_DIRECTORIES
            )
            for name in sorted(files):
                if Path(name).suffix.lower() in sources.EXTENSIONS:
                    yield os.path.join(root, name)


def _read(path: str, syntax: str | None) -> sources.Document:
    if path == "-":
        data = sys.stdin.buffer.read()
        return sources.parse(sources.decode(data, path="<stdin>"), path="<stdin>", syntax=syntax or "txt")
    if not os.path.exists(path):
        raise sources.SourceError("no such file or directory", path=path, code="CL001")
    return sources.read(path, syntax=syntax)


def _check_one(path: str, pack: RulePack, syntax: str | None) -> tuple[list[Finding], str | None]:
    """Check one file; return its findings and, if it could not be checked, the line that says why."""
    try:
        return lint_document(_read(path, syntax), pack), None
    except sources.SourceError as error:
        return [tool_finding(error.path or path, error.code, error.message, line=error.line or 1)], str(error)


_worker: dict[str, object] = {}  # the pack and syntax of one worker process, set once when it starts


def _start_worker(pack: RulePack, syntax: str | None) -> None:
    _worker.update(pack=pack, syntax=syntax)


def _work(path: str) -> tuple[list[Finding], str | None]:
    return _check_one(path, _worker["pack"], _worker["syntax"])  # type: ignore[arg-type]


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork hands the loaded pack to workers for free; elsewhere they unpickle it once each.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _check_files(
    paths: Sequence[str], pack: RulePack, syntax: str | None, jobs: int
) -> tuple[list[Finding], int, bool]:
    """Check every file; return the findings, how many files were checked, and whether any failed."""
    files = list(discover(paths))
    if jobs == 0:
        jobs = min(os.cpu_count() or 1, len(files) // PARALLEL_FROM) if len(files) >= PARALLEL_FROM else 1
    if jobs > 1 and "-" not in files:
        with ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_start_worker,
                                 initargs=(pack, syntax)) as pool:  # fmt: skip
            results = list(pool.map(_work, files, chunksize=16))
    else:
        results = [_check_one(path, pack, syntax) for path in files]
    findings = [finding for found, _ in results for finding in found]
    errors = [error for _, error in results if error is not None]
    for error in errors:
        click.echo(f"{error}", err=True)
    return findings, len(files) - len(errors), bool(errors)


# ---------------------------------------------------------------------------- commands


class Fatal(click.ClickException):
    """A rule-pack or configuration error: printed as one line, exit code 2 like a usage error."""

    exit_code = ExitCode.ERROR


def _load(rules_file: str | None, extend: Sequence[str], *, verify: bool = True) -> RulePack:
    try:
        return rules.load(rules_file, extend=extend, verify=verify)
    except ClaimlintError as error:
        raise Fatal(str(error)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimlint")
def main() -> None:
    """Find risky health and beauty claims in clinic marketing copy."""


_rules_options = [
    click.option("--rules", "rules_file", metavar="FILE", help="Use this rule pack instead of the default one."),
    click.option("--extend-rules", "extend", metavar="FILE", multiple=True, help="Add this rule pack (repeatable)."),
]


def _with_rules_options(command):  # type: ignore[no-untyped-def]
    for option in reversed(_rules_options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="Report format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Exit 1 when a finding is at least this severe.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these codes, code prefixes, names or categories.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Not these codes, code prefixes, names or categories.")
@click.option("--syntax", type=click.Choice(sorted(sources.SYNTAXES)), help="Read every file as this syntax.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes (default 0: one per core when there are many files).")
@_with_rules_options
def check(paths: tuple[str, ...], fmt: str, fail_on: str, select: tuple[str, ...], ignore: tuple[str, ...],
          syntax: str | None, jobs: int, rules_file: str | None, extend: tuple[str, ...]) -> None:  # fmt: skip
    """Check files and directories (default: the current directory); `-` reads standard input."""
    pack = _load(rules_file, extend)
    chosen, dropped = _split(select), _split(ignore)
    _check_selectors(pack, chosen, "--select")
    _check_selectors(pack, dropped, "--ignore")
    on = [r for r in pack.rules if is_selected(r.code, r.name, r.category, chosen, dropped)]
    findings, checked, failed = _check_files(paths or (".",), pack._replace(rules=tuple(on)), syntax, jobs)
    findings = sorted(f for f in findings if is_selected(f.code, f.name, f.category, chosen, dropped))
    click.echo(FORMATTERS[fmt](findings), nl=False)
    if fmt == "text":
        noun = "finding" if len(findings) == 1 else "findings"
        click.echo(f"{len(findings)} {noun} in {checked} {'file' if checked == 1 else 'files'}", err=True)
    threshold = Severity.parse(fail_on)
    if failed:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if any(f.severity >= threshold for f in findings) else ExitCode.CLEAN)


def _rule_line(rule: Rule) -> str:
    return f"{rule.code}  {rule.name:<24} {rule.category:<22} {str(rule.severity):<8} {' '.join(rule.languages)}"


def _explain_text(rule: Rule) -> str:
    about = rules.explain(rule)
    lines = [f"{rule.code} {rule.name} [{about['severity']}] — {rule.category}", "",
             f"Message:    {rule.message}", f"Why:        {rule.why}"]  # fmt: skip
    if rule.suggestion:
        lines.append(f"Instead:    {rule.suggestion}")
    lines += [f"Reference:  {ref}" for ref in rule.references]
    lines.append(f"Languages:  {' '.join(rule.languages)}")
    for language, examples in rule.examples.items():
        lines += [f"  {language} flags:  {text}" for text in examples.flag]
        lines += [f"  {language} passes: {text}" for text in examples.pass_]
    return "\n".join(lines)


@main.command("rules")
@click.argument("code", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_with_rules_options
def list_rules(code: str | None, fmt: str, rules_file: str | None, extend: tuple[str, ...]) -> None:
    """List every rule, or explain one (by code or name)."""
    pack = _load(rules_file, extend)
    chosen = [r for r in pack.rules if code in (None, r.code, r.name)]
    if not chosen:
        raise click.UsageError(f"no rule is called {code!r}; `claimlint rules` lists them")
    if fmt == "json":
        click.echo(json.dumps([rules.explain(r) for r in chosen], ensure_ascii=False, indent=2))
    elif code:
        click.echo(_explain_text(chosen[0]))
    else:
        click.echo("\n".join(_rule_line(r) for r in chosen))


@main.command("test-rules")
@click.argument("pack_file", metavar="[FILE]", required=False)
@click.option("--extend-rules", "extend", metavar="FILE", multiple=True, help="Add this rule pack (repeatable).")
def test_rules(pack_file: str | None, extend: tuple[str, ...]) -> None:
    """Run the examples of a rule pack (default: the built-in one) and report those that fail."""
    pack = _load(pack_file, extend, verify=False)
    failures = rules.check_examples(pack)
    for failure in failures:
        click.echo(str(failure))
    total = sum(len(e.flag) + len(e.pass_) for r in pack.rules for e in r.examples.values())
    click.echo(f"{total} examples in {len(pack.rules)} rules, {len(failures)} failing", err=True)
    sys.exit(ExitCode.FINDINGS if failures else ExitCode.CLEAN)
