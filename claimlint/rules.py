"""Rule packs: read the YAML, validate it strictly, compile the patterns, run the examples."""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from claimlint import cache, normalize
from claimlint.errors import RulesError
from claimlint.lazy import LazyRegex
from claimlint.model import CATEGORIES, Examples, Guards, Rule, RulePack, Severity
from claimlint.prefilter import Prefilter

FLAGS = regex.V1 | regex.IGNORECASE
# Simple case folding: V1's full folding (ß = SS) makes every character class several times
# slower to scan, and NFKC has already unfolded ligatures and full-width letters.
SIMPLE_CASE = "(?-f)"
SCOPES = ("span", "document", "disguise")
GUARD_NAMES = ("negation", "question")
TOP_KEYS = {"version", "languages", "rules"}
RULE_KEYS = {
    "code",
    "name",
    "category",
    "severity",
    "message",
    "why",
    "suggestion",
    "references",
    "patterns",
    "unless",
    "when",
    "examples",
    "guards",
    "scope",
    "when-claims",
}
REQUIRED_KEYS = ("code", "name", "category", "severity", "message", "why", "references")
EXTENSION_KEYS = {"code", "patterns", "unless", "when", "examples"}
GUARD_KEYS = {
    "negation-before": "negation_before",
    "negation-after": "negation_after",
    "question": "question",
    "clause-break": "clause_break",
}
# Validation only: compiled when a pack is built, not when it comes from the cache.
_GUARD_KEY = LazyRegex("|".join(GUARD_KEYS), engine=regex)
CODE = LazyRegex(r"CL\d{3}", engine=regex)
NAME = LazyRegex(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", engine=regex)
LANGUAGE = LazyRegex(r"\*|[a-z]{2,3}(?:-[A-Za-z0-9]+)*", engine=regex)


def default_pack_path() -> Path:
    """Return the path of the default pack: inside the installed package, else the checkout's."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules.yaml"
    # A wheel carries the pack inside the package; a source checkout keeps it at the top.
    return packaged if packaged.is_file() else here.parent / "rules.yaml"


# ---------------------------------------------------------------------------- reading YAML


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict[str, int]


class _List(list):  # type: ignore[type-arg]
    """A YAML sequence that remembers the line of each item."""

    line: int = 0
    lines: list[int]


def _construct_map(loader: Any, node: Any) -> _Map:
    mapping = _Map()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise RulesError(f"duplicate key {key!r}", line=key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[str(key)] = key_node.start_mark.line + 1
    return mapping


def _construct_list(loader: Any, node: Any) -> _List:
    items = _List(loader.construct_object(item, deep=True) for item in node.value)
    items.line = node.start_mark.line + 1
    items.lines = [item.start_mark.line + 1 for item in node.value]
    return items


def read_yaml(path: Path) -> Any:
    """Parse a YAML file whose mappings and lists remember their lines; RulesError if it cannot."""
    import yaml  # only when a pack is built, not when it comes from the cache

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """A safe loader whose mappings and sequences carry line numbers."""

    Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
    Loader.add_constructor("tag:yaml.org,2002:seq", _construct_list)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(f"cannot read the rule pack: {error}", path=str(path)) from None
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader with line numbers
    except RulesError as error:
        raise RulesError(error.message, path=str(path), line=error.line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise RulesError(f"not valid YAML: {problem}", path=str(path), line=line) from None


# ---------------------------------------------------------------------------- building rules


class _Draft:
    """A rule while packs are being merged: fields, compiled patterns and where each came from."""

    def __init__(self, fields: dict[str, Any], source: str) -> None:
        self.fields = fields
        self.source = source
        self.patterns: dict[str, list[regex.Pattern[str]]] = {}
        self.unless: dict[str, list[regex.Pattern[str]]] = {}
        self.when: dict[str, list[regex.Pattern[str]]] = {}
        self.examples: dict[str, Examples] = {}
        self.example_places: dict[tuple[str, str], str] = {}
        self.raw_patterns: list[str] = []


class _Context:
    """Where we are in which file, so that every error names its place."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def fail(self, message: str, line: int | None) -> RulesError:
        return RulesError(message, path=self.path, line=line)


class LazyPattern:
    """A compiled pattern that a pack read from the cache brings back only when it is first used.

    A run checks a few pages with a few of the pack's thousands of patterns; unpickling them
    all would be most of its start-up. The cache holds only the pickled pattern (which keeps
    the compiled code, so nothing is parsed again), not its source a second time.
    """

    __slots__ = ("_blob", "_compiled")

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self._compiled: regex.Pattern[str] | None = compiled
        self._blob: bytes | None = None

    @property
    def pattern(self) -> str:
        """The pattern's source, as compiled."""
        return self.compiled().pattern

    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern, unpickled on first use."""
        if self._compiled is None:
            self._compiled = pickle.loads(self._blob or b"")  # noqa: S301 - our own cache entry
        return self._compiled

    def search(self, *args: Any, **kwargs: Any) -> Any:
        """As regex.Pattern.search."""
        return self.compiled().search(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        """As regex.Pattern.finditer."""
        return self.compiled().finditer(*args, **kwargs)

    def __reduce__(self) -> tuple[Any, ...]:
        return _revive, (self._blob or pickle.dumps(self.compiled()),)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


class LazyWords:
    """The pack's vocabulary, kept as one UTF-8 string in the cache and made a set when first asked.

    Only the slow path of normalisation (spaced or leet-spelt words) consults it.
    """

    __slots__ = ("_blob", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        self._words: frozenset[str] | None = frozenset(words)
        self._blob = "\n".join(sorted(self._words)).encode()

    def words(self) -> frozenset[str]:
        """The vocabulary as a set."""
        if self._words is None:
            self._words = frozenset(self._blob.decode().split("\n")) if self._blob else frozenset()
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in self.words()

    def __iter__(self) -> Iterator[str]:
        return iter(self.words())

    def __len__(self) -> int:
        return len(self.words())

    def __bool__(self) -> bool:
        return bool(self._blob)

    def __reduce__(self) -> tuple[Any, ...]:
        return _revive_words, (self._blob,)


def _revive_words(blob: bytes) -> LazyWords:
    words = LazyWords.__new__(LazyWords)
    words._blob, words._words = blob, None
    return words


class LazyMapping(Mapping[Any, Any]):
    """A mapping the cache brings back only when it is first read: a rule's examples and their
    places serve `rules` and `test-rules`, never `check`, and are a fifth of a pack."""

    __slots__ = ("_blob", "_items")

    def __init__(self, items: Mapping[Any, Any]) -> None:
        self._items: dict[Any, Any] | None = dict(items)
        self._blob = b""

    def _loaded(self) -> dict[Any, Any]:
        if self._items is None:
            self._items = pickle.loads(self._blob)  # noqa: S301 - our own cache entry
        return self._items

    def __getitem__(self, key: Any) -> Any:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __repr__(self) -> str:
        return f"LazyMapping({self._loaded()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The items are never changed: a mapping read from the cache keeps the blob it came in.
        blob = self._blob or pickle.dumps(self._loaded(), protocol=pickle.HIGHEST_PROTOCOL)
        return _revive_mapping, (blob,)


def _revive_mapping(blob: bytes) -> LazyMapping:
    mapping = LazyMapping.__new__(LazyMapping)
    mapping._blob, mapping._items = blob, None
    return mapping


def _revive(blob: bytes) -> LazyPattern:
    lazy = LazyPattern.__new__(LazyPattern)
    lazy._blob, lazy._compiled = blob, None
    return lazy


def _compile(pattern: Any, where: str, context: _Context, line: int) -> Any:
    if not isinstance(pattern, str) or not pattern:
        raise context.fail(f"{where}: a pattern must be a non-empty string", line)
    try:
        return LazyPattern(regex.compile(SIMPLE_CASE + normalize.normalize_pattern(pattern), FLAGS))
    except (regex.error, ValueError) as error:
        raise context.fail(
            f"{where}: pattern {pattern!r} does not compile: {error}", line
        ) from None


# Guards the matcher only asks "does any cue match here?": one search of their union answers.
_EXISTENCE_CUES = {"negation_before", "negation_after", "question"}
# Backreferences and global flags: a cue with one cannot be joined with others.
_UNJOINABLE = LazyRegex(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z-]+\)", engine=regex)


def _any_of(cues: Sequence[LazyPattern]) -> tuple[LazyPattern, ...]:
    """One pattern matching where any of `cues` matches, or the cues as they are if they will
    not join (a backreference's number would change)."""
    bodies = [cue.pattern.removeprefix(SIMPLE_CASE) for cue in cues]
    if len(cues) < 2 or any(_UNJOINABLE.search(b) for b in bodies):
        return tuple(cues)
    try:
        joined = regex.compile(SIMPLE_CASE + "|".join(f"(?:{b})" for b in bodies), FLAGS)
    except (regex.error, ValueError):
        return tuple(cues)
    return (LazyPattern(joined),)


def _pattern_table(
    value: Any, where: str, context: _Context, line: int, *, keys: LazyRegex = LANGUAGE
) -> dict[str, list[tuple[str, regex.Pattern[str]]]]:
    """Validate and compile a {language: [pattern, …]} table (or another key → patterns)."""
    if not isinstance(value, dict):
        raise context.fail(f"{where} must map languages to lists of patterns", line)
    table = {}
    for language, patterns in value.items():
        key_line = value.lines.get(str(language), line)
        if not isinstance(language, str) or not keys.fullmatch(language):
            kind = "is not a language code" if keys is LANGUAGE else "is not a known key"
            raise context.fail(f"{where}: {language!r} {kind}", key_line)
        if isinstance(patterns, str):
            patterns = _List([patterns])
            patterns.lines = [key_line]
        if not isinstance(patterns, list) or not patterns:
            raise context.fail(f"{where}.{language} must be a non-empty list of patterns", key_line)
        lines = getattr(patterns, "lines", [key_line] * len(patterns))
        table[language] = [
            (p, _compile(p, f"{where}.{language}", context, n)) for p, n in zip(patterns, lines)
        ]
    return table


def _text_list(value: Any, where: str, context: _Context, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise context.fail(f"{where} must be a list of strings", line)
    return tuple(value)


def _lines_of(value: Any, line: int) -> list[int]:
    """The line of each item of a YAML list (the list's own line for a flow list on one line)."""
    return list(
        getattr(value, "lines", None) or [line] * (len(value) if isinstance(value, list) else 1)
    )


def _examples(value: Any, context: _Context, line: int) -> dict[str, tuple[Examples, list[int]]]:
    if not isinstance(value, dict):
        raise context.fail("examples must map languages to {flag: […], pass: […]}", line)
    result = {}
    for language, pair in value.items():
        key_line = value.lines.get(str(language), line)
        if not isinstance(language, str) or not LANGUAGE.fullmatch(language):
            raise context.fail(f"examples: {language!r} is not a language code", key_line)
        if not isinstance(pair, dict) or not set(pair) <= {"flag", "pass"}:
            raise context.fail(f"examples.{language} takes only 'flag' and 'pass' lists", key_line)
        flag = _text_list(pair.get("flag"), f"examples.{language}.flag", context, key_line)
        passing = _text_list(pair.get("pass"), f"examples.{language}.pass", context, key_line)
        lines = [
            *_lines_of(pair.get("flag", []), key_line),
            *_lines_of(pair.get("pass", []), key_line),
        ]
        result[language] = (Examples(flag, passing), lines)
    return result


def _check_fields(entry: _Map, context: _Context) -> None:
    """Validate the scalar fields of a complete rule."""
    line = entry.line
    missing = [key for key in REQUIRED_KEYS if not entry.get(key)]
    if missing:
        raise context.fail(f"rule is missing {', '.join(missing)}", line)
    code, name = entry["code"], entry["name"]
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise context.fail(f"{code}: name {name!r} is not kebab-case", entry.lines["name"])
    if entry["category"] not in CATEGORIES:
        known = ", ".join(CATEGORIES)
        problem = f"{code}: unknown category {entry['category']!r} (one of: {known})"
        raise context.fail(problem, entry.lines["category"])
    if str(entry["severity"]).upper() not in Severity.__members__:
        problem = f"{code}: severity must be error, warning or info"
        raise context.fail(problem, entry.lines["severity"])
    if entry.get("scope", "span") not in SCOPES:
        raise context.fail(f"{code}: scope must be one of {', '.join(SCOPES)}", line)
    if not isinstance(entry.get("when-claims", True), bool):
        raise context.fail(f"{code}: when-claims must be true or false", entry.lines["when-claims"])
    guards = entry.get("guards", list(GUARD_NAMES))
    if not isinstance(guards, list) or not set(guards) <= set(GUARD_NAMES):
        raise context.fail(f"{code}: guards is a list of {', '.join(GUARD_NAMES)}", line)
    for key in ("message", "why", "suggestion"):
        if key in entry and not isinstance(entry[key], str):
            raise context.fail(f"{code}: {key} must be text", entry.lines[key])
    _text_list(entry["references"], f"{code}: references", context, entry.lines["references"])


def _add_tables(draft: _Draft, entry: _Map, context: _Context) -> None:
    """Merge the pattern tables and examples of `entry` into `draft`."""
    code = entry["code"]
    for key in ("patterns", "unless", "when"):
        if key not in entry:
            continue
        table = _pattern_table(entry[key], f"{code}: {key}", context, entry.lines[key])
        target = getattr(draft, key)
        for language, compiled in table.items():
            target.setdefault(language, []).extend(p for _, p in compiled)
            if key != "unless":
                draft.raw_patterns.extend(raw for raw, _ in compiled)
    if "examples" in entry:
        for language, (examples, lines) in _examples(
            entry["examples"], context, entry.line
        ).items():
            old = draft.examples.get(language, Examples((), ()))
            draft.examples[language] = Examples(
                old.flag + examples.flag, old.pass_ + examples.pass_
            )
            for text, line in zip((*examples.flag, *examples.pass_), lines):
                draft.example_places.setdefault((language, text), f"{context.path}:{line}")


def _merge_rule(entry: Any, context: _Context, drafts: dict[str, _Draft]) -> str:
    """Add one rule entry (a new rule, or an extension of a known one); return its code."""
    if not isinstance(entry, dict):
        raise context.fail("each rule must be a mapping", getattr(entry, "line", None))
    code = entry.get("code")
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise context.fail(f"rule code {code!r} must look like CL123", entry.line)
    unknown = sorted(set(entry) - RULE_KEYS)
    if unknown:
        raise context.fail(f"{code}: unknown key {unknown[0]!r}", entry.lines[unknown[0]])
    if code in drafts:
        if not set(entry) <= EXTENSION_KEYS:
            extra = sorted(set(entry) - EXTENSION_KEYS)
            problem = (
                f"duplicate code {code} (already defined at {drafts[code].source}); a pack may "
                f"extend a rule only with patterns, unless, when and examples, not {extra[0]!r}"
            )
            raise context.fail(problem, entry.line)
    else:
        _check_fields(entry, context)
        names = {draft.fields["name"]: draft.source for draft in drafts.values()}
        if entry["name"] in names:
            problem = (
                f"{code}: duplicate name {entry['name']!r} (already used at {names[entry['name']]})"
            )
            raise context.fail(problem, entry.lines["name"])
        drafts[code] = _Draft(dict(entry), f"{context.path}:{entry.line}")
    _add_tables(drafts[code], entry, context)
    return code


def _merge_guards(value: Any, context: _Context, guards: dict[str, dict[str, list[Any]]]) -> None:
    if not isinstance(value, dict):
        raise context.fail("languages must map language codes to guard lists", value and value.line)
    for language, table in value.items():
        line = value.lines.get(str(language), value.line)
        if not isinstance(language, str) or not LANGUAGE.fullmatch(language) or language == "*":
            raise context.fail(f"languages: {language!r} is not a language code", line)
        if not isinstance(table, dict):
            raise context.fail(f"languages.{language} must be a mapping", line)
        where = f"languages.{language}"
        compiled = _pattern_table(table, where, context, line, keys=_GUARD_KEY)
        for key, patterns in compiled.items():
            guards.setdefault(language, {}).setdefault(GUARD_KEYS[key], []).extend(
                p for _, p in patterns
            )


def _read_pack(
    path: Path, drafts: dict[str, _Draft], guards: dict[str, dict[str, list[Any]]]
) -> set[str]:
    """Merge the pack at `path` into `drafts` and `guards`; return the codes it touched."""
    context = _Context(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise context.fail("a rule pack is a mapping with 'version', 'languages' and 'rules'", 1)
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise context.fail(f"unknown key {unknown[0]!r}", data.lines[unknown[0]])
    if data.get("version", 1) != 1:
        raise context.fail("only version 1 rule packs are understood", data.lines.get("version"))
    if "languages" in data:
        _merge_guards(data["languages"], context, guards)
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise context.fail("rules must be a list", data.lines.get("rules"))
    return {_merge_rule(entry, context, drafts) for entry in rules}


def _build(draft: _Draft) -> Rule:
    """Turn a merged draft into a Rule, checking that every language has its examples."""
    entry, code = draft.fields, draft.fields["code"]
    scope = entry.get("scope", "span")
    context = _Context(Path(draft.source.rsplit(":", 1)[0]))
    line = int(draft.source.rsplit(":", 1)[1])
    if scope == "span" and not draft.patterns:
        raise context.fail(f"{code}: a rule needs patterns", line)
    if scope == "document" and not (draft.patterns and draft.when):
        raise context.fail(f"{code}: a document rule needs 'when' and 'patterns'", line)
    if scope == "disguise" and (draft.patterns or draft.when):
        raise context.fail(f"{code}: a disguise rule takes no patterns", line)
    needs_flag = set(draft.patterns) | set(draft.when) if scope == "span" else set(draft.when)
    for language in sorted(needs_flag):
        if not draft.examples.get(language, Examples((), ())).flag:
            problem = f"{code}: language {language!r} has patterns but no 'flag' example"
            raise context.fail(problem, line)
    if scope == "disguise" and not any(e.flag for e in draft.examples.values()):
        raise context.fail(f"{code}: a rule needs at least one 'flag' example", line)
    freeze = lambda table: {k: tuple(v) for k, v in sorted(table.items())}  # noqa: E731
    return Rule(
        code=code,
        name=entry["name"],
        category=entry["category"],
        severity=Severity.parse(str(entry["severity"])),
        message=entry["message"].strip(),
        why=entry["why"].strip(),
        suggestion=(entry.get("suggestion") or "").strip() or None,
        references=tuple(entry["references"]),
        patterns=freeze(draft.patterns),
        unless=freeze(draft.unless),
        examples=LazyMapping(sorted(draft.examples.items())),
        scope=scope,
        when=freeze(draft.when),
        guards=tuple(entry.get("guards", GUARD_NAMES)),
        when_claims=entry.get("when-claims", True),
        source=draft.source,
        example_places=LazyMapping(draft.example_places),
    )


def load(
    rules: str | Path | None = None, *, extend: Sequence[str | Path] = (), verify: bool = True
) -> RulePack:
    """Load the default pack (or `rules`) plus the `extend` packs, validated and compiled.

    With `verify`, the examples of every rule a user pack defines or extends are run, and one
    that does not behave as declared is an error; the default pack's own are run by its tests.
    """
    paths = [Path(rules) if rules else default_pack_path(), *map(Path, extend)]
    user_packs = paths if rules is not None else paths[1:]
    return cache.cached(
        paths,
        lambda: _build_pack(paths, user_packs, verify=verify),
        verify=verify,
        stamped=paths[:1] if rules is None else (),
    )


def _build_pack(paths: Sequence[Path], user_packs: Sequence[Path], *, verify: bool) -> RulePack:
    """Read, merge, compile and (for `user_packs`) verify the packs at `paths`."""
    drafts: dict[str, _Draft] = {}
    guards: dict[str, dict[str, list[Any]]] = {}
    to_verify: set[str] = set()
    for path in paths:
        touched = _read_pack(path, drafts, guards)
        if path in user_packs:
            to_verify |= touched
    built = tuple(_build(drafts[code]) for code in sorted(drafts))
    words = LazyWords(normalize.vocabulary(p for d in drafts.values() for p in d.raw_patterns))
    frozen = {
        lang: Guards(**{k: _any_of(v) if k in _EXISTENCE_CUES else tuple(v) for k, v in t.items()})
        for lang, t in guards.items()
    }
    pack = RulePack(built, dict(sorted(frozen.items())), words)
    pack = pack._replace(prefilter=Prefilter(pack.patterns()))
    if verify and to_verify:
        failures = check_examples(pack, codes=to_verify)
        if failures:
            raise failures[0]
    return pack


@lru_cache(maxsize=1)
def default_pack() -> RulePack:
    """Return the default pack, loaded once per process."""
    return load(verify=False)


def check_examples(pack: RulePack, *, codes: Iterable[str] | None = None) -> list[RulesError]:
    """Run the examples of the rules (all, or those in `codes`); return one error per failure."""
    from claimlint.lint import lint_text  # lint imports this module

    wanted = set(codes) if codes is not None else None
    failures = []
    for rule in pack.rules:
        if wanted is not None and rule.code not in wanted:
            continue
        alone = pack._replace(rules=(rule,))
        for language, examples in rule.examples.items():
            # A flag example must be caught by its own language's patterns; a pass example must
            # get through every language's, as it would in a mixed-language page.
            own = {lang: p for lang, p in rule.patterns.items() if lang in (language, "*")}
            own_language = pack._replace(rules=(rule._replace(patterns=own),))
            for kind, texts in (("flag", examples.flag), ("pass", examples.pass_)):
                for text in texts:
                    path, line = rule.example_places.get((language, text), rule.source).rsplit(
                        ":", 1
                    )
                    checked = own_language if kind == "flag" and rule.scope == "span" else alone
                    found = [f for f in lint_text(text, pack=checked) if f.code == rule.code]
                    if bool(found) != (kind == "flag"):
                        verb = (
                            "is not flagged"
                            if kind == "flag"
                            else f"is flagged at {found[0].match!r}"
                        )
                        problem = (
                            f"{rule.code} {rule.name}: {language} {kind} example {text!r} {verb}"
                        )
                        failures.append(RulesError(problem, path=path, line=int(line)))
    return failures


def explain(rule: Rule) -> Mapping[str, Any]:
    """Return everything a writer may want to know about a rule, for `claimlint rules CODE`."""
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": str(rule.severity),
        "languages": list(rule.languages),
        "message": rule.message,
        "why": rule.why,
        "suggestion": rule.suggestion,
        "references": list(rule.references),
        "examples": {
            lang: {"flag": list(e.flag), "pass": list(e.pass_)} for lang, e in rule.examples.items()
        },
    }
