"""Measure the installed claimlint, side by side with grep and ripgrep, in one run.

    pip install . && python benchmarks/bench.py              # the full harness (~50 MB corpus)
    python benchmarks/bench.py --mb 10 --runs 5              # a quicker pass

Prints medians of several runs: cold start on one 5 KB page (and its ratio to importing click,
regex and yaml), throughput with one worker and with every core, peak memory, how time grows with
the corpus (5, 25, 50 MB) and with the pack (the pack, and three times as many patterns by synthetic
rules), and the same corpus scanned by GNU grep and ripgrep with the pack's literal vocabulary.
Runs of one command on a shared machine vary by tens of percent: compare figures of the same run
(figures that are compared with each other are measured in turn, run by run).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "examples",
    ROOT / "tests" / "corpus",
    ROOT / "tests" / "fixtures",
    ROOT.parent / "shared" / "corpus" / "seeds",
]
SUFFIXES = {".txt", ".md", ".html"}


# ---------------------------------------------------------------------------- the corpus


def source_paragraphs() -> list[str]:
    """Every non-empty paragraph of the copy at hand (examples, test corpus, seeds), in a fixed order."""
    paragraphs = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix in SUFFIXES and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        raise SystemExit("no copy found to build a corpus from")
    return paragraphs


def make_corpus(folder: Path, megabytes: float, *, file_kb: int = 25, seed: int = 1) -> list[Path]:
    """Write pages of about `file_kb` KB mixed from the paragraphs until `megabytes` are written."""
    chooser = random.Random(seed)
    paragraphs = source_paragraphs()
    files, total = [], 0
    while total < megabytes * 1_000_000:
        page, size = [], 0
        while size < file_kb * 1000:
            paragraph = chooser.choice(paragraphs)
            page.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        path = folder / f"page-{len(files):05}.txt"
        data = "\n\n".join(page).encode("utf-8")
        path.write_bytes(data)
        files.append(path)
        total += len(data)
    return files


def subset(files: Sequence[Path], megabytes: float, into: Path) -> int:
    """Link the first files making up `megabytes` into `into`; return their size in bytes."""
    into.mkdir()
    total = 0
    for path in files:
        if total >= megabytes * 1_000_000:
            break
        os.link(path, into / path.name)
        total += path.stat().st_size
    return total


# ---------------------------------------------------------------------------- the packs


def literal_vocabulary(into: Path) -> Path:
    """Write the literals the default pack's prefilter scans for, one per line."""
    from claimlint import rules

    prefilter = rules.default_pack().prefilter
    literals = prefilter.literals() if prefilter else []
    into.write_text("\n".join(literals) + "\n", encoding="utf-8")
    return into


def starter_pack(into: Path, codes: Sequence[str] = ("CL101", "CL151", "CL451")) -> Path:
    """Write a pack of three of the default rules in English only: the size the core was timed with."""
    import yaml

    from claimlint import rules

    data = yaml.safe_load(rules.default_pack_path().read_text(encoding="utf-8"))
    kept = []
    for rule in (r for r in data["rules"] if r["code"] in codes):
        for table in ("patterns", "unless", "examples"):
            if table in rule:
                rule[table] = {k: v for k, v in rule[table].items() if k == "en"}
        kept.append(rule)
    pack = {"version": 1, "languages": {"en": data["languages"]["en"]}, "rules": kept}
    into.write_text(yaml.safe_dump(pack, allow_unicode=True), encoding="utf-8")
    return into


def _mutate(text: str, salt: int) -> str:
    """Change every run of four or more letters the same way, so literals no longer match real copy."""
    import regex

    return regex.sub(
        r"(?<!\\)(\p{L})(\p{L}{3,})",
        lambda m: m[1] + "qxz"[salt % 3] * (salt // 3 + 1) + m[2],
        text,
    )


def synthetic_pack(into: Path, copies: int = 2) -> tuple[Path, int, int]:
    """Write an extension pack with `copies` mutated twins of every span rule whose examples still hold.

    Returns the path, the pattern count of the default pack and of the synthetic one.
    """
    import yaml

    from claimlint import rules
    from claimlint.lint import lint_text

    pack = rules.default_pack()
    entries, code = [], 650
    synthetic_patterns = 0
    for salt in range(copies):
        for rule in (r for r in pack.rules if r.scope == "span"):
            patterns, examples = {}, {}
            for language, compiled in rule.patterns.items():
                mutated = [
                    _mutate(p.pattern.removeprefix(rules.SIMPLE_CASE), salt) for p in compiled
                ]
                flags = [_mutate(t, salt) for t in rule.examples.get(language, ((), ())).flag]
                trial = {
                    "version": 1,
                    "rules": [
                        {
                            **_rule_fields(rule, code),
                            "patterns": {language: mutated},
                            "examples": {language: {"flag": flags}},
                        }
                    ],
                }
                path = into.with_suffix(".trial.yaml")
                path.write_text(yaml.safe_dump(trial, allow_unicode=True), encoding="utf-8")
                try:  # judged with the default pack's guards, as the extended run will judge it
                    alone = pack._replace(rules=rules.load(path, verify=False).rules)
                except Exception:  # noqa: BLE001 - a mutation that does not compile: leave it out
                    continue
                good = [
                    t for t in flags if any(f.code == f"CL{code}" for f in lint_text(t, pack=alone))
                ]
                if good:
                    patterns[language], examples[language] = mutated, {"flag": good}
            if patterns and code < 900:
                entries.append(
                    {**_rule_fields(rule, code), "patterns": patterns, "examples": examples}
                )
                synthetic_patterns += sum(len(p) for p in patterns.values())
                code += 1
    into.with_suffix(".trial.yaml").unlink(missing_ok=True)
    into.write_text(
        yaml.safe_dump({"version": 1, "rules": entries}, allow_unicode=True), encoding="utf-8"
    )
    real_patterns = sum(len(p) for r in pack.rules for p in r.patterns.values())
    return into, real_patterns, synthetic_patterns


def _rule_fields(rule: object, code: int) -> dict[str, object]:
    return {
        "code": f"CL{code}",
        "name": f"synthetic-{code}",
        "category": rule.category,  # type: ignore[attr-defined]
        "severity": "warning",
        "message": "synthetic rule for benchmarks",
        "why": "benchmark",
        "references": ["benchmark"],
        "guards": list(rule.guards),  # type: ignore[attr-defined]
    }


# ---------------------------------------------------------------------------- timing


def run_once(command: Sequence[str]) -> tuple[float, int]:
    """Run `command` once; return its wall time in seconds and peak memory in MB (with its children)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if hasattr(os, "wait4"):
        _, _, usage = os.wait4(process.pid, 0)
        process.returncode = 0
        peak = (
            usage.ru_maxrss // 1024
            if sys.platform != "darwin"
            else usage.ru_maxrss // (1024 * 1024)
        )
    else:  # pragma: no cover - Windows has no wait4
        process.wait()
        peak = 0
    return time.perf_counter() - start, peak


def median_run(command: Sequence[str], runs: int) -> tuple[float, int]:
    """Median wall time and the largest peak memory over `runs` runs."""
    results = [run_once(command) for _ in range(runs)]
    return statistics.median(t for t, _ in results), max(p for _, p in results)


def median_runs(commands: Sequence[Sequence[str]], runs: int) -> list[tuple[float, int]]:
    """`median_run` of several commands, run in turn: a shared machine's speed drifts over
    seconds, and figures meant to be compared must meet the same drift."""
    results: list[list[tuple[float, int]]] = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, results):
            found.append(run_once(command))
    return [(statistics.median(t for t, _ in found), max(p for _, p in found)) for found in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mb", type=float, default=50.0, help="size of the throughput corpus (default 50)"
    )
    parser.add_argument("--runs", type=int, default=9, help="runs per cold-start figure")
    parser.add_argument("--repeat", type=int, default=3, help="runs per throughput figure")
    parser.add_argument(
        "--claimlint", default=shutil.which("claimlint"), help="the command to measure"
    )
    args = parser.parse_args()
    if not args.claimlint:
        raise SystemExit("claimlint is not installed: pip install . first")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        page = work / "page.txt"
        text = "\n\n".join(source_paragraphs()).encode("utf-8")[:5000].decode("utf-8", "ignore")
        page.write_text(text, encoding="utf-8")
        corpus = work / "corpus"
        corpus.mkdir()
        files = make_corpus(corpus, args.mb)
        size = sum(p.stat().st_size for p in files)
        claimlint = [args.claimlint, "check", "--format", "json"]
        run_once([args.claimlint, "check", str(page)])  # fill the compiled-pack cache

        starter = starter_pack(work / "starter.yaml")
        run_once([args.claimlint, "check", "--rules", str(starter), str(page)])  # cache it too

        (imports, _), (cold, cold_peak), (small, _) = median_runs(
            [
                [sys.executable, "-c", "import click, regex, yaml"],
                [args.claimlint, "check", str(page)],
                [args.claimlint, "check", "--rules", str(starter), str(page)],
            ],
            args.runs,
        )
        print(
            f"cold start, one 5 KB page, full pack: {cold * 1000:7.1f} ms   (peak {cold_peak} MB)"
        )
        print(
            f"cold start, same page, 3 English rules: {small * 1000:5.1f} ms   "
            f"(the full pack adds {(cold - small) * 1000:.1f} ms)"
        )
        print(
            f"python -c 'import click, regex, yaml': {imports * 1000:7.1f} ms   ratio {cold / imports:.2f}x"
        )

        (one, peak_one), (every, peak_every) = median_runs(
            [[*claimlint, "-j", "1", str(corpus)], [*claimlint, "-j", str(cores), str(corpus)]],
            args.repeat,
        )
        mb = size / 1e6
        print(f"corpus: {mb:.1f} MB in {len(files)} files")
        print(
            f"throughput, 1 worker:      {mb / one:7.2f} MB/s   ({one:.2f} s, peak {peak_one} MB)"
        )
        print(
            f"throughput, {cores} workers:     {mb / every:7.2f} MB/s   ({every:.2f} s, peak {peak_every} MB)"
            f"   speed-up {one / every:.2f}x"
        )

        for part in (5, 25, 50):
            if part > args.mb:
                continue
            folder = work / f"part-{part}"
            part_size = subset(files, part, folder)
            seconds, _ = median_run([*claimlint, "-j", "1", str(folder)], args.repeat)
            print(
                f"scaling, {part_size / 1e6:5.1f} MB, 1 worker: {seconds:6.2f} s   {part_size / 1e6 / seconds:6.2f} MB/s"
            )

        triple, real_patterns, extra_patterns = synthetic_pack(work / "synthetic.yaml")
        sample = work / "part-5" if (work / "part-5").exists() else corpus
        run_once(
            [*claimlint, "--extend-rules", str(triple), str(page)]
        )  # compile and cache it once
        (base, _), (bigger, _) = median_runs(
            [
                [*claimlint, "-j", "1", str(sample)],
                [*claimlint, "-j", "1", "--extend-rules", str(triple), str(sample)],
            ],
            args.repeat,
        )
        total = real_patterns + extra_patterns
        print(
            f"pack size: {real_patterns} patterns {base:.2f} s; {total} patterns ({total / real_patterns:.1f}x) "
            f"{bigger:.2f} s   cost {bigger / base:.2f}x"
        )

        literals = literal_vocabulary(work / "literals.txt")
        print(
            f"side by side, same corpus, {sum(1 for _ in literals.open(encoding='utf-8'))} literals:"
        )
        tools = [("claimlint -j 1", [*claimlint, "-j", "1", str(corpus)], one)]
        grep = shutil.which("grep")
        if grep:
            patterns = work / "literals.ere"
            import re

            patterns.write_text(
                "".join(
                    re.escape(line) + "\n"
                    for line in literals.read_text("utf-8").split("\n")
                    if line
                ),
                encoding="utf-8",
            )
            seconds, _ = median_run(
                [grep, "-E", "-i", "-r", "-c", "-f", str(patterns), str(corpus)], args.repeat
            )
            tools.append(("grep -E -i -f", [], seconds))
        rg = shutil.which("rg")
        if rg:
            seconds, _ = median_run(
                [rg, "-F", "-i", "-j", "1", "-c", "-f", str(literals), str(corpus)], args.repeat
            )
            tools.append(("rg -F -i -j 1 -f", [], seconds))
        for name, _, seconds in tools:
            print(
                f"  {name:18} {mb / seconds:8.2f} MB/s   claimlint is {seconds / one:.3f}x its speed"
            )
        if not rg:
            print("  (ripgrep is not installed: no rg figure)")


if __name__ == "__main__":
    main()
