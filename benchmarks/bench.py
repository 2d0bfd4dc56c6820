"""Measure the installed claimlint: cold start on one 5 KB page, and throughput over mixed copy.

    python benchmarks/bench.py [--mb 4] [--runs 7] [--claimlint PATH]

Copy comes from the repository's examples and test corpus and, when it is beside the repository,
the shared seed pages; it is mixed deterministically into files of about 25 KB. Every figure is the
median of several runs, because single runs on a shared machine vary by tens of percent.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples", ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus" / "seeds"]


def source_paragraphs() -> list[str]:
    """Every non-empty paragraph of the copy we have, in a fixed order."""
    paragraphs = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix in {".txt", ".md", ".html"}:
                text = path.read_text(encoding="utf-8", errors="replace")
                paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        raise SystemExit("no copy found to build a corpus from")
    return paragraphs


def make_corpus(folder: Path, megabytes: float, *, file_kb: int = 25, seed: int = 1) -> int:
    """Write files of about `file_kb` KB mixed from the paragraphs; return the bytes written."""
    chooser = random.Random(seed)
    paragraphs = source_paragraphs()
    total, index = 0, 0
    while total < megabytes * 1_000_000:
        page, size = [], 0
        while size < file_kb * 1000:
            paragraph = chooser.choice(paragraphs)
            page.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        data = "\n\n".join(page).encode("utf-8")
        (folder / f"page-{index:05}.txt").write_bytes(data)
        total, index = total + len(data), index + 1
    return total


def timed(command: list[str], runs: int) -> float:
    """Median wall time of `command` in seconds (its output is discarded)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of the throughput corpus")
    parser.add_argument("--runs", type=int, default=7, help="runs per cold-start figure")
    parser.add_argument("--claimlint", default=shutil.which("claimlint"), help="the command to measure")
    args = parser.parse_args()
    if not args.claimlint:
        raise SystemExit("claimlint is not installed: pip install . first")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        page = work / "page.txt"
        text = "\n\n".join(source_paragraphs())
        page.write_bytes(text.encode("utf-8")[:5000].decode("utf-8", "ignore").encode("utf-8"))
        corpus = work / "corpus"
        corpus.mkdir()
        size = make_corpus(corpus, args.mb)
        files = len(list(corpus.iterdir()))
        imports = timed([sys.executable, "-c", "import click, regex, yaml"], args.runs)
        cold = timed([args.claimlint, "check", str(page)], args.runs)
        whole = timed([args.claimlint, "check", "--format", "json", str(corpus)], 3)
    print(f"cold start, one 5 KB page:      {cold * 1000:7.1f} ms (median of {args.runs})")
    print(f"python -c 'import click, regex, yaml': {imports * 1000:7.1f} ms; ratio {cold / imports:.2f}x")
    print(f"throughput, {size / 1e6:.1f} MB in {files} files: "
          f"{size / 1e6 / whole:7.2f} MB/s ({whole:.2f} s, median of 3)")  # fmt: skip


if __name__ == "__main__":
    main()
