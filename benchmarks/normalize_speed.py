"""Measure normalisation throughput (MB/s of UTF-8 input) on realistic copy.

    python benchmarks/normalize_speed.py [SEEDS_DIR]

Each page is normalised as one text, as the engine does with a plain-text file. Corpora: the
seed pages repeated to about 1 MB (four clean pages and one written with Cyrillic 'е' in every
word), and a multilingual page (15 languages; with and without 5 disguised lines).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from claimlint.normalize import normalize, vocabulary

PATTERNS = [
    r"\bpermanent(?:ly)?\s+(?:results?|removal)\b",
    r"\b(?:completely|totally|100%)\s+safe\b",
    r"\bsafe\s+and\s+effective\b",
    r"\bno\s+side[\s-]effects?\b",
    r"\bbotox\b",
    r"\bdetox\w*",
    r"\bsay\s+goodbye\s+to\b",
    r"\bresultados?\s+permanentes?\b",
    r"\bбезопасн\w*",
    r"\bασφαλ\w*",
    r"بوتوكس",
]

MULTILINGUAL = [
    "Our laser treatment gives smooth skin. Results vary from person to person.",
    "Resultados visibles desde la primera sesión; consulte a su médico.",
    "Процедура проводится врачом-дерматологом после консультации.",
    "Η θεραπεία γίνεται από γιατρό· τα αποτελέσματα διαφέρουν.",
    "يتم العلاج على يد طبيب مختص، والنتائج تختلف من شخص لآخر ٪١٠٠.",
    "درمان توسط پزشک انجام می‌شود و نتایج متفاوت است.",
    "চিকিৎসা একজন চর্মরোগ বিশেষজ্ঞ দ্বারা করা হয়। ১৫ মিনিট।",
    "施術は医師が行います。効果には個人差があります。ＡＢＣクリニック",
    "การรักษาทำโดยแพทย์ ผลลัพธ์แตกต่างกันไป ๑๐ นาที",
    "Điều trị bởi bác sĩ da liễu; kết quả khác nhau ở mỗi người.",
    "Die Behandlung erfolgt durch eine Ärztin; Ergebnisse können variieren.",
    "Le traitement est réalisé par un médecin ; les résultats varient.",
    "Zabieg wykonuje lekarz; efekty są różne u różnych osób.",
    "Tedaviyi bir dermatolog uygular; sonuçlar kişiden kişiye değişir.",
    "시술은 의사가 진행하며 결과는 개인마다 다릅니다.",
    "Enjoy pеrmanеnt results with our 100% s@fe B0tox.",  # disguised
    "Perma\u200bnent hair removal, p e r m a n e n t l y.",  # disguised
    "Процeдура абсолютно бeзопасна.",  # disguised: Latin e in Russian words
    "ｐｅｒｍａｎｅｎｔ results in one session.",  # disguised
    "Μια θεραπεία 100% ασφaλής.",  # disguised: Latin a in a Greek word
]


def throughput(pages: list[str], vocab: frozenset[str], rounds: int = 7) -> float:
    """Best-of-rounds MB/s (CPU time, so other load on the machine counts less)."""
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for page in pages:
            normalize(page, vocab)
        best = min(best, time.process_time() - t0)
    return size / best


def repeat(pages: list[str], megabytes: float = 1.0) -> list[str]:
    """`pages` over and over, to about `megabytes` of UTF-8."""
    size = sum(len(p.encode("utf-8")) for p in pages)
    return pages * max(1, round(megabytes * 1e6 / size))


def pack_vocabulary() -> frozenset[str]:
    """The words the default pack and the packs under packs/ look for (what the engine uses)."""
    try:
        from claimlint import rules

        extra = sorted(Path(__file__).resolve().parent.parent.glob("packs/*.yaml"))
        return frozenset(rules.load(extend=extra, verify=False).vocabulary)
    except Exception:  # noqa: BLE001 - no pack to hand: a few patterns stand in
        return vocabulary(PATTERNS)


def main() -> None:
    seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/seeds")
    vocab = pack_vocabulary()
    print(f"vocabulary: {len(vocab)} words")
    pages = [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    corpora = {
        "seed pages (5 files, 1 disguised)": repeat(pages),
        "clean seed pages (000-003)": repeat(pages[:4]),
        "seed 004 (Cyrillic e in every word)": repeat(pages[4:]),
        "multilingual page, 5 of 20 lines disguised": repeat(["\n".join(MULTILINGUAL)]),
        "multilingual page, no disguise": repeat(["\n".join(MULTILINGUAL[:15])]),
    }
    for name, corpus in corpora.items():
        mb = sum(len(p.encode("utf-8")) for p in corpus) / 1e6
        print(f"{name:44s} {mb:4.1f} MB {throughput(corpus, vocab):7.1f} MB/s")


if __name__ == "__main__":
    main()
