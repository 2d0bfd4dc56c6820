"""The command line: parse options, run the pure core over files, print, pick the exit code."""

from __future__ import annotations

import gc
import os
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any, NamedTuple, TextIO

import click

from claimlint import __version__, baseline, config, rules, selection, sources
from claimlint.atomic import replacing
from claimlint.engine import tool_finding
from claimlint.errors import ClaimlintError
from claimlint.formatters import FORMATTERS, Writer
from claimlint.lint import lint_document
from claimlint.model import Finding, Rule, RulePack, Severity

SKIPPED_DIRECTORIES = {"__pycache__", "venv"}
PARALLEL_FROM = (
    64  # fewer files than this are checked in one process: a pool costs more than it saves
)


class ExitCode(IntEnum):
    """What a run of claimlint tells the shell."""

    CLEAN = 0  # nothing at or above --fail-on
    FINDINGS = 1
    ERROR = 2  # usage, config or rule-pack error, or a file that could not be checked


class Fatal(click.ClickException):
    """A rule-pack or configuration error: printed as one line, exit code 2 like a usage error."""

    exit_code = ExitCode.ERROR


# ---------------------------------------------------------------------------- files


def discover(paths: Sequence[str], settings: config.Config) -> Iterator[str]:
    """Yield the files to check: named files as given, folders walked in sorted order."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            if path == "-" or not config.matches(path, settings.exclude, settings.root):
                yield path
            continue
        for root, folders, files in os.walk(path):
            folders[:] = sorted(
                d
                for d in folders
                if not d.startswith(".")
                and d not in SKIPPED_DIRECTORIES
                and not config.matches(os.path.join(root, d), settings.exclude, settings.root)
            )
            for name in sorted(files):
                file = os.path.join(root, name)
                wanted = sources.is_walked(file) or config.matches(
                    file, settings.include, settings.root
                )
                if wanted and not config.matches(file, settings.exclude, settings.root):
                    yield file


class Job(NamedTuple):
    """What every file of a run is checked with; plain data, so worker processes can receive it."""

    pack: RulePack
    syntax: str | None  # --syntax: every file read as this
    settings: config.Config
    stdin_name: str | None
    suppressions: bool = True  # False: --no-suppress, directives are ignored (an audit)
    known: frozenset[str] = frozenset()  # codes and names of every rule, also those turned off


def _syntax(path: str, job: Job) -> str:
    return (
        job.syntax
        or config.first_match(path, job.settings.syntax, job.settings.root)
        or sources.syntax_for(path)
    )


def _read(path: str, job: Job) -> sources.Document:
    if path == "-":
        name = job.stdin_name or "<stdin>"
        text = sources.decode(sys.stdin.buffer.read(), path=name)
        return sources.parse(text, path=name, syntax=_syntax(name, job))
    if not os.path.exists(path):
        raise sources.SourceError("no such file or directory", path=path, code="CL001")
    return sources.read(path, syntax=_syntax(path, job))


def _check_one(path: str, job: Job) -> tuple[list[Finding], str | None]:
    """Check one file; return its findings and, if it could not be checked, the line that says why."""
    try:
        found = lint_document(
            _read(path, job), job.pack, suppressions=job.suppressions, known=job.known
        )
    except sources.SourceError as error:
        return [
            tool_finding(error.path or path, error.code, error.message, line=error.line or 1)
        ], str(error)
    except Exception as error:  # noqa: BLE001 - a bug met on one file must not cost the others
        problem = f"{type(error).__name__}: {error}"
        return [], f"{path}: claimlint failed on this file ({problem}); please report it"
    name = job.stdin_name if path == "-" and job.stdin_name else path
    ignored = config.first_match(name, job.settings.per_file_ignores, job.settings.root) or ()
    return [
        f for f in found if selection.is_selected(f.code, f.name, f.category, (), ignored)
    ], None


_worker: dict[str, Job] = {}  # the job of one worker process, set once when it starts


def _start_worker(job: Job) -> None:
    _worker["job"] = job


def _work(path: str) -> tuple[list[Finding], str | None]:
    return _check_one(path, _worker["job"])


def check_files(
    files: Sequence[str], job: Job, jobs: int
) -> Iterator[tuple[list[Finding], str | None]]:
    """Check every file; yield, in the files' order, each one's findings and, if it could not be
    checked, the line that says why."""
    if jobs == 0:
        jobs = (
            min(os.cpu_count() or 1, len(files) // PARALLEL_FROM)
            if len(files) >= PARALLEL_FROM
            else 1
        )
    if jobs > 1 and "-" not in files:
        import multiprocessing  # only here: a pre-commit run of a few files never needs a pool
        from concurrent.futures import ProcessPoolExecutor

        # fork hands the loaded pack to workers for free; elsewhere they unpickle it once each.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(
            jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(job,),
        ) as pool:
            yield from pool.map(_work, files, chunksize=16)
    else:
        yield from (_check_one(path, job) for path in files)


# ---------------------------------------------------------------------------- settings


def _config(config_file: str | None, isolated: bool) -> config.Config:
    if isolated:
        return config.Config(root=os.getcwd())
    path = Path(config_file) if config_file else config.find(Path.cwd())
    try:
        return config.load(path) if path else config.Config(root=os.getcwd())
    except ClaimlintError as error:
        raise Fatal(str(error)) from None


def _pack(settings: config.Config, rules_file: str | None) -> tuple[RulePack, frozenset[str]]:
    """Load the packs the settings name, at the severities and languages they ask for; also
    return the codes and names of all their rules (a directive may name one turned off)."""
    chosen = [config.profiles()[name] for name in settings.profile]
    extend = [p for profile in chosen for p in profile.extend_rules] + list(settings.extend_rules)
    pack = _load(rules_file, extend)
    for option, selectors in (("select", settings.select), ("ignore", settings.ignore)):
        for name in selection.unknown(pack, selectors):
            hint = "`claimlint rules` lists the codes, names and categories"
            raise Fatal(f"{option}: no rule is called {name!r}; {hint}")
    overrides = [profile.severity for profile in chosen] + [settings.severity]
    on = []
    for rule in pack.rules:
        if selection.is_selected(
            rule.code, rule.name, rule.category, settings.select, settings.ignore
        ):
            rule = selection.with_severity(rule, overrides)
            on.append(
                selection.only_languages(rule, settings.languages) if settings.languages else rule
            )
    return pack._replace(rules=tuple(on)), frozenset(
        n for rule in pack.rules for n in (rule.code, rule.name)
    )


def _load(rules_file: str | None, extend: Sequence[str], *, verify: bool = True) -> RulePack:
    try:
        return rules.load(rules_file, extend=extend, verify=verify)
    except ClaimlintError as error:
        raise Fatal(str(error)) from None


def _settings(options: Mapping[str, Any]) -> config.Config:
    """The config file's settings with the command line's flags laid over them."""
    settings = _config(options["config_file"], options["isolated"])
    flags: dict[str, Any] = {}
    if options["select"]:
        flags["select"] = tuple(selection.split(options["select"]))
    if options["ignore"]:
        flags["ignore"] = tuple(selection.split(options["ignore"]))
    if options["fail_on"]:
        flags["fail_on"] = Severity.parse(options["fail_on"])
    if options["profile"]:
        flags["profile"] = tuple(selection.split(options["profile"]))
    flags["extend_rules"] = settings.extend_rules + tuple(
        os.path.abspath(p) for p in options["extend"]
    )
    try:
        config.check_profiles(flags.get("profile", ()))
    except ClaimlintError as error:
        raise Fatal(str(error)) from None
    return settings._replace(**flags)


# ---------------------------------------------------------------------------- commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimlint")
def main() -> None:
    """Find risky health and beauty claims in clinic marketing copy."""


_rules_options = [
    click.option(
        "--rules",
        "rules_file",
        metavar="FILE",
        help="Use this rule pack instead of the default one.",
    ),
    click.option(
        "--extend-rules",
        "extend",
        metavar="FILE",
        multiple=True,
        help="Add this rule pack (repeatable).",
    ),
]
_config_options = [
    click.option(
        "--config",
        "config_file",
        metavar="FILE",
        help="Use this config file (.claimlint.yaml or pyproject.toml) instead of searching for one.",
    ),
    click.option("--isolated", is_flag=True, help="Ignore every config file."),
    click.option(
        "--profile",
        multiple=True,
        metavar="NAMES",
        help="Jurisdiction profiles (us, uk, eu, de, ae, in, ph, au, tr); see `claimlint profiles`.",
    ),
]


def _with(options: list[Any]) -> Any:
    def decorate(command: Any) -> Any:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _statistics(counts: Counter[tuple[str, str]]) -> str:
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:5}  {code}  {name}\n" for (code, name), count in rows)


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATTERS)),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output-file", "-o", metavar="FILE", help="Write the report here; the terminal shows text."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Exit 1 when a finding is at least this severe (default: warning).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these codes, code prefixes, names or categories.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Not these codes, code prefixes, names or categories.",
)
@click.option(
    "--syntax", type=click.Choice(sorted(sources.SYNTAXES)), help="Read every file as this syntax."
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="The name of the text read from `-` (picks syntax and config).",
)
@click.option(
    "--no-suppress", is_flag=True, help="Ignore every 'claimlint: disable…' directive (for audits)."
)
@click.option(
    "--baseline",
    "baseline_file",
    metavar="FILE",
    help="Report only findings not recorded in this baseline.",
)
@click.option(
    "--write-baseline", metavar="FILE", help="Record today's findings in FILE (and exit 0)."
)
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes (default 0: one per core when there are many files).",
)
@_with(_rules_options + _config_options)
def check(paths: tuple[str, ...], **options: Any) -> None:
    """Check files and folders (default: the current folder); `-` reads standard input."""
    settings = _settings(options)
    pack, known = _pack(settings, options["rules_file"])
    gc.freeze()  # the pack lives as long as the run: later collections need not walk it again
    job = Job(
        pack,
        options["syntax"],
        settings,
        options["stdin_filename"],
        not options["no_suppress"],
        known,
    )
    name = {"-": job.stdin_name or "<stdin>"}
    # Findings are reported sorted by path: checking the files in that order lets each file's
    # report be written as soon as it is done, so that no run holds every finding.
    files = sorted(dict.fromkeys(discover(paths or (".",), settings)), key=lambda f: name.get(f, f))
    names = [name.get(f, f) for f in files]
    known = _read_baseline(options["baseline_file"])
    fmt, output_file = options["fmt"], options["output_file"]
    recording = options["write_baseline"]
    writers = []
    counts: Counter[tuple[str, str]] = Counter()
    recorded: list[Finding] = []
    errors, failing = 0, False
    with ExitStack() as stack:
        if output_file and not recording:
            report = stack.enter_context(_writing(Path(output_file)))
            writers.append(Writer(fmt, report.write, pack.rules, names))
            fmt = "text"
        if not (options["statistics"] or recording):
            writers.append(
                Writer(fmt, lambda piece: click.echo(piece, nl=False), pack.rules, names)
            )
        for found, error in check_files(files, job, options["jobs"]):
            if error is not None:
                errors += 1
                click.echo(error, err=True)
            found = sorted(
                f
                for f in found
                if selection.is_selected(
                    f.code, f.name, f.category, settings.select, settings.ignore
                )
            )
            if known is not None and not recording:  # a new baseline records everything
                found = baseline.new_findings(found, known)
            recorded += found if recording else ()
            counts.update((f.code, f.name) for f in found)
            failing = failing or any(f.severity >= settings.fail_on for f in found)
            for writer in writers:
                writer.add(found)
        for writer in writers:
            writer.close()
    if recording:
        try:
            baseline.write(Path(recording), recorded)
        except ClaimlintError as error:
            raise Fatal(str(error)) from None
        click.echo(f"{len(recorded)} findings recorded in {recording}", err=True)
        sys.exit(ExitCode.ERROR if errors else ExitCode.CLEAN)
    total = sum(counts.values())
    if options["statistics"]:
        click.echo(_statistics(counts), nl=False)
    if fmt == "text":
        checked = len(files) - errors
        noun = "finding" if total == 1 else "findings"
        click.echo(f"{total} {noun} in {checked} {'file' if checked == 1 else 'files'}", err=True)
    if errors:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if failing else ExitCode.CLEAN)


@contextmanager
def _writing(path: Path) -> Iterator[TextIO]:
    """A file the report goes to, replaced whole once the run is done."""
    try:
        with replacing(path) as stream:
            yield stream
    except ClaimlintError as error:
        raise Fatal(str(error)) from None


def _read_baseline(path: str | None) -> frozenset[str] | None:
    if not path:
        return None
    try:
        return baseline.read(Path(path))
    except ClaimlintError as error:
        raise Fatal(str(error)) from None


def _echo_json(value: Any) -> None:
    """Print `value` as indented JSON."""
    import json  # here: `check`, the command that must start fast, writes JSON through formatters

    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _rule_line(rule: Rule) -> str:
    return f"{rule.code}  {rule.name:<24} {rule.category:<22} {str(rule.severity):<8} {' '.join(rule.languages)}"


def _explain_text(rule: Rule) -> str:
    lines = [
        f"{rule.code} {rule.name} [{rule.severity}] — {rule.category}",
        "",
        f"Message:    {rule.message}",
        f"Why:        {rule.why}",
    ]
    if rule.suggestion:
        lines.append(f"Instead:    {rule.suggestion}")
    lines += [f"Reference:  {ref}" for ref in rule.references]
    lines.append(f"Languages:  {' '.join(rule.languages)}")
    for language, examples in rule.examples.items():
        lines += [f"  {language} flags:  {text}" for text in examples.flag]
        lines += [f"  {language} passes: {text}" for text in examples.pass_]
    return "\n".join(lines)


def coverage(pack: RulePack) -> str:
    """A languages × categories table (Markdown): how many patterns each language has there."""
    from claimlint.model import CATEGORIES

    categories = [c for c in CATEGORIES if c != "obfuscation"]  # obfuscation needs no patterns
    count: Counter[tuple[str, str]] = Counter()
    for rule in pack.rules:
        for table in (rule.patterns, rule.when):
            for language, patterns in table.items():
                count[(language, rule.category)] += len(patterns)
    languages = sorted({language for language, _ in count if language != "*"})
    lines = [
        "| language | " + " | ".join(categories) + " | categories |",
        "|---" * (len(categories) + 2) + "|",
    ]
    for language in languages:
        cells = [str(count[(language, c)]) if count[(language, c)] else "–" for c in categories]
        covered = sum(1 for c in categories if count[(language, c)])
        lines.append(f"| {language} | " + " | ".join(cells) + f" | {covered}/{len(categories)} |")
    return "\n".join(lines)


@main.command("rules")
@click.argument("code", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--coverage", "show_coverage", is_flag=True, help="A languages × categories table of the pack."
)
@_with(_rules_options)
def list_rules(
    code: str | None, fmt: str, show_coverage: bool, rules_file: str | None, extend: tuple[str, ...]
) -> None:
    """List every rule, or explain one (by code or name)."""
    pack = _load(rules_file, extend)
    if show_coverage:
        click.echo(coverage(pack))
        return
    chosen = [r for r in pack.rules if code in (None, r.code, r.name)]
    if not chosen:
        raise click.UsageError(f"no rule is called {code!r}; `claimlint rules` lists them")
    if fmt == "json":
        _echo_json([rules.explain(r) for r in chosen])
    elif code:
        click.echo(_explain_text(chosen[0]))
    else:
        click.echo("\n".join(_rule_line(r) for r in chosen))


@main.command("test-rules")
@click.argument("pack_file", metavar="[FILE]", required=False)
@click.option(
    "--extend-rules",
    "extend",
    metavar="FILE",
    multiple=True,
    help="Add this rule pack (repeatable).",
)
def test_rules(pack_file: str | None, extend: tuple[str, ...]) -> None:
    """Run the examples of a rule pack (default: the built-in one) and report those that fail."""
    pack = _load(pack_file, extend, verify=False)
    failures = rules.check_examples(pack)
    for failure in failures:
        click.echo(str(failure))
    total = sum(len(e.flag) + len(e.pass_) for r in pack.rules for e in r.examples.values())
    click.echo(f"{total} examples in {len(pack.rules)} rules, {len(failures)} failing", err=True)
    sys.exit(ExitCode.FINDINGS if failures else ExitCode.CLEAN)


@main.command("config")
@_with(_config_options)
def show_config(config_file: str | None, isolated: bool, profile: tuple[str, ...]) -> None:
    """Print the configuration a check in this folder would use."""
    settings = _settings(
        {
            "config_file": config_file,
            "isolated": isolated,
            "select": (),
            "ignore": (),
            "fail_on": None,
            "profile": profile,
            "extend": (),
        }
    )
    shown = {key: settings._asdict()[field] for key, (field, _, _) in config.KEYS.items()}
    shown["severity"] = {k: str(v) for k, v in shown["severity"].items()}
    shown["fail-on"] = str(shown["fail-on"])
    _echo_json({"config-file": settings.path, **shown})


@main.command("profiles")
def list_profiles() -> None:
    """List the jurisdiction profiles a config may name."""
    for profile in config.profiles().values():
        added = (
            f" (adds {', '.join(Path(p).stem for p in profile.extend_rules)} rules)"
            if profile.extend_rules
            else ""
        )
        click.echo(f"{profile.name:4} {profile.description}{added}")
