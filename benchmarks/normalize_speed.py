"""Measure normalisation throughput (MB/s of UTF-8 input) on realistic copy.

    python benchmarks/normalize_speed.py [SEEDS_DIR]

Two corpora: the seed pages repeated to about 2 MB (four clean pages and one written with
Cyrillic 'е' throughout), and a multilingual sample (15 languages, one disguise in ten lines).
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


def throughput(text: str, vocab: frozenset[str], rounds: int = 5) -> float:
    """Best-of-rounds MB/s for normalising `text`, one page (blank-line block) at a time."""
    pages = text.split("\n\n")
    size = len(text.encode("utf-8")) / 1e6
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for page in pages:
            normalize(page, vocab)
        best = min(best, time.perf_counter() - t0)
    return size / best


def main() -> None:
    seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/seeds")
    vocab = vocabulary(PATTERNS)
    pages = [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    corpora = {
        "seed pages repeated": "\n\n".join(pages * (2_000_000 // sum(map(len, pages)) + 1)),
        "clean seed pages only": "\n\n".join(pages[:4] * (2_000_000 // sum(map(len, pages[:4])) + 1)),
        "seed 004 only (Cyrillic е)": "\n\n".join(pages[4:] * (2_000_000 // len(pages[4]) + 1)),
        "multilingual, 1 line in 4 disguised": "\n\n".join(
            "\n".join(MULTILINGUAL) for _ in range(2_000_000 // len("".join(MULTILINGUAL)))
        ),
    }
    for name, text in corpora.items():
        mb = len(text.encode("utf-8")) / 1e6
        print(f"{name:38s} {mb:5.1f} MB  {throughput(text, vocab):7.1f} MB/s")


if __name__ == "__main__":
    main()
