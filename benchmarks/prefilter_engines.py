"""Measure the candidates for the literal scan of the prefilter, on the same lines, side by side.

    pip install '.[fast]' hyperscan && python benchmarks/prefilter_engines.py [--mb 2]

The prefilter needs, for every line, the set of the pack's literals that occur in it. Engines:
pyahocorasick (what `claimlint[fast]` uses), Hyperscan through its Python binding (one scan of the
whole batch, matches mapped back to lines), the `regex` module's named lists (`\\L<literals>`,
overlapped), and claimlint's pure scan. Lines come from the benchmark corpus (`bench.py`), folded as
the prefilter folds them, a page's lines at a time; the time is for the scan alone. Each engine's sets are compared with
pyahocorasick's: an engine that misses literals is reported, not silently timed.
"""

from __future__ import annotations

import argparse
import bisect
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import bench

from claimlint import engine, prefilter, rules
from claimlint.normalize import normalize

Scan = Callable[[Sequence[str]], list[set[str]]]
PAGE = 300  # lines scanned per call: about one page of the corpus, as the matcher does


def corpus_lines(megabytes: float) -> list[str]:
    """The benchmark corpus's lines, normalised and folded as the prefilter sees them."""
    pack = rules.default_pack()
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for path in bench.make_corpus(Path(folder), megabytes):
            text = normalize(path.read_text(encoding="utf-8"), pack.vocabulary).text
            folded = prefilter.fold_lines(text)
            lines += [folded[index] for index, _, _ in engine._lines(text)]
    return lines


def aho_scan(literals: Sequence[str]) -> Scan:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return lambda lines: [{found for _, found in automaton.iter(line)} for line in lines]


def hyperscan_scan(literals: Sequence[str]) -> Scan:
    import hyperscan

    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    expressions = [_escape(literal.encode("utf-8")) for literal in literals]
    database.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=[hyperscan.HS_FLAG_SOM_LEFTMOST] * len(expressions),
    )

    def scan(lines: Sequence[str]) -> list[set[str]]:
        data = "\n".join(lines).encode("utf-8")
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line.encode("utf-8")) + 1
        found: list[set[str]] = [set() for _ in lines]

        def on_match(index: int, start: int, end: int, flags: int, context: object) -> None:
            found[bisect.bisect_right(starts, start) - 1].add(literals[index])

        database.scan(data, match_event_handler=on_match)
        return found

    return scan


def _escape(literal: bytes) -> bytes:
    return b"".join(b"\\x%02x" % byte for byte in literal)


def named_list_scan(literals: Sequence[str]) -> Scan:
    import regex

    pattern = regex.compile(r"\L<literals>", literals=literals)
    return lambda lines: [
        {m.group() for m in pattern.finditer(line, overlapped=True)} for line in lines
    ]


def pure_scan(literals: Sequence[str]) -> Scan:
    # claimlint's own scan without the automaton, given literal numbers instead of pattern ones.
    table = prefilter.Prefilter.__new__(prefilter.Prefilter)
    table.short, table.by_start = [], {}
    table.groups = tuple((number,) for number in range(len(literals)))
    for number, literal in enumerate(literals):
        if len(literal) < 3:
            table.short.append((literal, number))
        else:
            table.by_start.setdefault(literal[:3], []).append((literal, number))
    return lambda lines: [{literals[n] for n in found} for found in table._pure_scan(lines)]


ENGINES: dict[str, Callable[[Sequence[str]], Scan]] = {
    "pyahocorasick": aho_scan,
    "hyperscan": hyperscan_scan,
    "regex named list": named_list_scan,
    "pure (claimlint)": pure_scan,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size (default 2)")
    parser.add_argument("--runs", type=int, default=3, help="runs per engine; the best is shown")
    args = parser.parse_args()
    pack = rules.default_pack()
    assert pack.prefilter is not None
    literals = pack.prefilter.literals()
    lines = corpus_lines(args.mb)
    size = sum(len(line.encode("utf-8")) + 1 for line in lines) / 1e6
    print(f"{len(literals)} literals, {len(lines)} lines, {size:.1f} MB folded")
    reference: list[set[str]] | None = None
    for name, build in ENGINES.items():
        try:
            started = time.perf_counter()
            scan = build(literals)
            built = time.perf_counter() - started
        except ImportError:
            print(f"  {name:18} not installed")
            continue
        best, result = float("inf"), []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = [
                found for i in range(0, len(lines), PAGE) for found in scan(lines[i : i + PAGE])
            ]
            best = min(best, time.perf_counter() - started)
        reference = reference if reference is not None else result
        missed = sum(len(want - got) for want, got in zip(reference, result))
        verdict = "same sets" if missed == 0 else f"misses {missed} literal hits"
        print(f"  {name:18} {size / best:7.2f} MB/s   (build {built * 1000:6.0f} ms)   {verdict}")


if __name__ == "__main__":
    main()
