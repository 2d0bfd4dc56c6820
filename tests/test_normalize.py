"""Normalisation: the offset map's invariants, each disguise in five languages, innocent copy."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest
from helpers import ROOT, SHARED
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimlint import rules
from claimlint.normalize import Normalized, normalize, normalize_pattern, vocabulary

VOCAB = vocabulary(
    [
        r"\bpermanent(?:ly)?\s+(?:results?|removal)\b",
        r"\b(?:completely|totally|100%)\s+safe\b",
        r"\bbotox\b",
        r"\bresultados?\s+permanentes?\b",
        r"\bseguro\b",
        r"\bбезопасн\w*",
        r"\bασφαλ\w*",
        r"بوتوكس",
        r"\b(?:and|usa|bot)\b",  # short words that initials and stray letters must not become
    ]
)

# Text rich in what normalisation touches, mixed with arbitrary Unicode.
TRICKY = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list(
                "aeoBpst ..-\n013@$!|ееоаΑοαзбجسو\u0640\u064e\u200b\u200c\u200d\u00ad\ufeff\u202e"
                "ｐｅＡ１％٪١۵৫๕\u0301\u0336\u1100\u1161\u11a8\u09c7\u09be™²½…ﬁ"
            )
        ),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=60,
)


def check_map(source: str, result: Normalized) -> None:
    offsets = list(result.offsets)
    assert len(offsets) == len(result.text) + 1
    assert offsets[-1] == len(source)
    assert all(0 <= o <= len(source) for o in offsets)
    assert all(a <= b for a, b in zip(offsets, offsets[1:], strict=False))


def cuts(text: str, offsets: list[int], source: str, breaks: str) -> list[int]:
    """Normalised positions where both texts can be cut: at a break character kept as it is,
    alone (a mark after a space, as in ' ำ', makes one cluster of the two)."""
    points = [0, len(text)]
    for i, ch in enumerate(text):
        if ch in breaks and source[offsets[i]] == ch and offsets[i + 1] == offsets[i] + 1:
            points += [i, i + 1]
    return sorted(set(points))


@settings(max_examples=400, deadline=None)
@given(TRICKY, st.booleans())
@example("perma\u00adnent p e r m a n e n t B0tox", True)
@example("e\u0301\u200b \ufeff", False)
def test_map_invariants(source: str, with_vocabulary: bool) -> None:
    result = normalize(source, VOCAB if with_vocabulary else frozenset())
    check_map(source, result)
    for d in result.disguises:
        assert 0 <= d.start < d.end <= len(source)
        assert d.word == source[d.start : d.end]
    spans = [(d.start, d.end) for d in result.disguises]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "one per word"


@settings(max_examples=400, deadline=None)
@given(TRICKY, st.booleans())
@example("Acnе scars\nperma\u200bnent", False)
@example("s@fe p e r m a n e n t\nok", True)
@example(" \u0e33", False)  # a Thai vowel sign after a space folds with it
def test_slices_of_the_input_give_the_text_they_produced(
    source: str, with_vocabulary: bool
) -> None:
    # Words are folded as a whole, and spaced-out letters across spaces: cut between words,
    # or between lines when spaced letters may be collapsed.
    vocab = VOCAB if with_vocabulary else frozenset()
    result = normalize(source, vocab)
    offsets = list(result.offsets)
    points = cuts(result.text, offsets, source, "\n" if with_vocabulary else " \n")
    for a, b in zip(points, points[1:], strict=False):
        piece = source[offsets[a] : offsets[b]]
        assert normalize(piece, vocab).text == result.text[a:b], (a, b, piece)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F, exclude_categories=("Cs",)), max_size=80))
def test_plain_ascii_without_vocabulary_is_returned_as_it_is(source: str) -> None:
    result = normalize(source)
    assert result.text == source
    assert result.offsets == range(len(source) + 1)
    assert result.disguises == ()


# (language, input, the normalised text it must contain, the disguised word)
DISGUISED = [
    ("en", "It is sаfe.", "It is safe.", "sаfe"),  # Cyrillic а
    ("en", "Try Bοtox today", "Try Botox today", "Bοtox"),  # Greek omicron
    ("en", "BОТОХ injections", "BOTOX injections", "BОТОХ"),  # Cyrillic О Т О Х
    ("en", "perma\u200bnent results", "permanent results", "perma\u200bnent"),
    ("en", "perma\u00adnent results", "permanent results", "perma\u00adnent"),
    ("en", "perma\u2060nent results", "permanent results", "perma\u2060nent"),
    ("en", "perma\u200cnent results", "permanent results", "perma\u200cnent"),
    ("en", "perm\u202eanent results", "permanent results", "perm\u202eanent"),
    ("en", "ｐｅｒｍａｎｅｎｔ results", "permanent results", "ｐｅｒｍａｎｅｎｔ"),
    ("en", "𝐁𝐨𝐭𝐨𝐱 works", "Botox works", "𝐁𝐨𝐭𝐨𝐱"),
    ("en", "p e r m a n e n t results", "permanent results", "p e r m a n e n t"),
    ("en", "B.o.t.o.x for all", "Botox for all", "B.o.t.o.x"),
    ("en", "B0tox for all", "Botox for all", "B0tox"),
    ("en", "100% s@fe!", "100% safe!", "s@fe"),
    ("en", "s\u0336a\u0336f\u0336e\u0336 for all", "safe for all", "s\u0336a\u0336f\u0336e\u0336"),
    ("es", "Resultados permanеntes", "Resultados permanentes", "permanеntes"),
    ("es", "Resultados perma\u200bnentes", "Resultados permanentes", "perma\u200bnentes"),
    ("es", "Es 100% s3guro", "Es 100% seguro", "s3guro"),
    ("es", "Es s e g u r o", "Es seguro", "s e g u r o"),
    ("es", "Es ｓｅｇｕｒｏ", "Es seguro", "ｓｅｇｕｒｏ"),
    (
        "es",
        "Es s\u0336e\u0336g\u0336u\u0336r\u0336o\u0336",
        "Es seguro",
        "s\u0336e\u0336g\u0336u\u0336r\u0336o\u0336",
    ),
    ("ru", "Это бeзопасно", "Это безопасно", "бeзопасно"),  # Latin e
    ("ru", "Это безoпаснo", "Это безопасно", "безoпаснo"),  # Latin o
    ("ru", "Это безо\u200bпасно", "Это безопасно", "безо\u200bпасно"),
    ("ru", "Это б е з о п а с н о", "Это безопасно", "б е з о п а с н о"),
    (
        "ru",
        "Это б\u0332е\u0332з\u0332о\u0332пасно",
        "Это безопасно",
        "б\u0332е\u0332з\u0332о\u0332пасно",
    ),
    ("el", "100% ασφaλής", "100% ασφαλής", "ασφaλής"),  # Latin a
    ("el", "100% α.σ.φ.α.λ.ή.ς", "100% ασφαλής", "α.σ.φ.α.λ.ή.ς"),
    ("el", "100% ασφα\u200bλής", "100% ασφαλής", "ασφα\u200bλής"),
    ("ar", "حقن بو\u200bتوكس", "حقن بوتوكس", "بو\u200bتوكس"),
    ("ar", "حقن بو\u200fتوكس", "حقن بوتوكس", "بو\u200fتوكس"),
    ("ar", "حقن بـوتـوكـس", "حقن بوتوكس", "بـوتـوكـس"),
    ("ar", "حقن ب و ت و ك س", "حقن بوتوكس", "ب و ت و ك س"),
]


@pytest.mark.parametrize(
    ("language", "source", "plain", "word"),
    DISGUISED,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(DISGUISED)],
)
def test_disguise_is_unmasked_and_reported(
    language: str, source: str, plain: str, word: str
) -> None:
    result = normalize(source, VOCAB)
    check_map(source, result)
    assert plain in result.text
    assert [d.word for d in result.disguises] == [word]
    d = result.disguises[0]
    assert source[d.start : d.end] == word
    assert d.detail.startswith("'")


def test_mixed_script_detail_names_the_letter() -> None:
    (d,) = normalize("It is sаfe.").disguises
    assert d.detail == "'sаfe' mixes Cyrillic 'а' (U+0430) into a Latin word"


def test_columns_of_a_match_map_back_exactly() -> None:
    source = "Enjoy perma\u00adnent results, p e r m a n e n t!"
    result = normalize(source, VOCAB)
    start = result.text.index("permanent results")
    end = start + len("permanent results")
    assert source[result.offsets[start] : result.offsets[end]] == "perma\u00adnent results"
    second = result.text.index("permanent", end)
    assert source[result.offsets[second] : result.offsets[second + 9]] == "p e r m a n e n t"


# Copy that must come out untouched and unreported (text may still be folded: digits, NFKC).
INNOCENT = [
    ("fa", "درمان بی‌خطر است و می‌خواهم بدانم", "درمان بی‌خطر است و می‌خواهم بدانم"),
    ("fa", "نتایج ۱۰۰٪ متفاوت است", "نتایج 100% متفاوت است"),
    ("ar", "النتائج تختلف ١٠٠٪", "النتائج تختلف 100%"),
    ("hi", "क्‍ष और ९० मिनट", "क्‍ष और 90 मिनट"),
    ("bn", "র‍্যাব ১৫ মিনিট", "র‍্যাব 15 মিনিট"),
    ("ru", "Процедура абсолютно безопасна.", "Процедура абсолютно безопасна."),
    ("el", "Η θεραπεία είναι ασφαλής.", "Η θεραπεία είναι ασφαλής."),
    ("en", "Dr A. B. Smith", "Dr A. B. Smith"),
    ("en", "a n d, U.S.A. and B O T", "a n d, U.S.A. and B O T"),
    ("en", "Book 3 sessions", "Book 3 sessions"),
    ("en", "COVID-19 rules", "COVID-19 rules"),
    ("en", "The 1st session, the 4th week, B12, H2O.", "The 1st session, the 4th week, B12, H2O."),
    ("en", "α-lipoic acid and β-glucan, 5 µg", "α-lipoic acid and β-glucan, 5 μg"),
    ("en", "Botox™ at 50m² for ½ price", "Botox™ at 50m² for ½ price"),
    ("en", "email info@clinic.com", "email info@clinic.com"),
    ("ja", "ＡＢＣクリニックのボトックス注射", "ABCクリニックのボトックス注射"),
    ("ja", "効果は１００％ではありません。", "効果は100%ではありません。"),
    ("th", "ไม่\u200bเจ็บ ๑๐ นาที", "ไม่เจ็บ 10 นาที"),
    ("en", "\ufeffHello and welcome", "Hello and welcome"),
    ("en", "smile 👩\u200d⚕️ today", "smile 👩\u200d⚕️ today"),
    ("de", "Behandlungs\u00adergebnisse", "Behandlungsergebnisse"),
]


@pytest.mark.parametrize(
    ("language", "source", "plain"), INNOCENT, ids=[f"{c[0]}-{i}" for i, c in enumerate(INNOCENT)]
)
def test_innocent_copy_is_not_a_disguise(language: str, source: str, plain: str) -> None:
    result = normalize(source, VOCAB)
    check_map(source, result)
    assert result.text == plain
    assert result.disguises == ()


# Decomposed text from some keyboards: composed, not reported.
DECOMPOSED = [
    "\u1107\u1169\u1110\u1169\u11a8\u1109\u1173",  # 보톡스, NFD Hangul
    "\u09ac\u09c7\u09be\u099f\u0995\u09cd\u09b8",  # Bengali with a two-part vowel sign
    "tr\u1eafng da vi\u0302\u0303nh vie\u0302\u0303n",  # Vietnamese
]


@pytest.mark.parametrize("source", DECOMPOSED)
def test_decomposed_text_is_composed(source: str) -> None:
    result = normalize(source, VOCAB)
    check_map(source, result)
    assert result.text == unicodedata.normalize("NFC", source)
    assert result.disguises == ()


def test_patterns_are_folded_like_text_with_their_syntax_intact() -> None:
    assert normalize_pattern(r"\bsаfe\b") == r"\bsafe\b"  # Cyrillic а in a pattern
    assert normalize_pattern("\\bperma\u200bnent\\b") == r"\bpermanent\b"
    assert normalize_pattern("保证（100％）") == r"保证\(100%\)"
    assert normalize_pattern("ｐｅｒ…") == r"per(?:\.\.\.)"
    assert normalize_pattern(r"[a-zа-я]+\p{Cyrillic}\d{2}") == r"[a-zа-я]+\p{Cyrillic}\d{2}"
    assert normalize_pattern(r"(?P<name>x)(?<=y)\N{BULLET}") == r"(?P<name>x)(?<=y)\N{BULLET}"
    assert normalize_pattern("بـوتـوكـس|١٠٠٪") == "بوتوكس|100%"


def test_vocabulary_expands_optional_parts_and_alternatives() -> None:
    words = vocabulary([r"\bpermanent(?:ly)?\s+(?:results?|removal)\b", r"\b(?:no|zero)\s+risk\b"])
    assert {"permanent", "permanently", "result", "results", "removal", "zero", "risk"} <= words
    assert "no" not in words  # under three letters
    assert "esult" not in words  # the parser's shared prefix 'r' is put back
    assert vocabulary([r"\p{L}+botox[[a-z]--[aeiou]]"]) >= {"botox"}  # regex-only syntax


def test_separators_and_leet_fold_only_into_vocabulary_words() -> None:
    assert normalize("p e r m a n e n t").text == "p e r m a n e n t"  # no vocabulary
    assert normalize("B0tox").text == "B0tox"
    assert normalize("a b c d e", VOCAB).text == "a b c d e"


def test_digits_and_marks_beside_other_scripts_are_not_leet() -> None:
    # Leet stands in for Latin letters; after Han or kana a digit is a number, '!' a mark.
    vocabulary = frozenset({"没有之一", "内出血"})
    for text in ("全杭州最好的，没有之一‼️", "腫れや内出血は1〜2週間ほど続きます。"):
        assert normalize(text, vocabulary).disguises == ()
    assert normalize("p3rmanent", frozenset({"permanent"})).disguises != ()


def test_digits_ending_a_word_are_a_code_not_leet() -> None:
    vocabulary = frozenset({"julias", "glow"})
    assert normalize("cupom JULIA15 e GLOW20", vocabulary).disguises == ()
    assert normalize("gl0w", vocabulary).disguises != ()


SEEDS = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="the shared seed corpus is not beside the repository")
@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_lines(path: Path) -> None:
    words = frozenset(rules.default_pack().vocabulary) | VOCAB
    lines = path.read_text(encoding="utf-8").splitlines()
    disguised = [bool(normalize(line, words).disguises) for line in lines]
    if path.name.startswith("004"):
        assert len(lines) == 25
        assert all(disguised)
    else:
        assert not any(disguised)
        assert normalize(path.read_text(encoding="utf-8"), words).disguises == ()


def test_committed_confusables_equal_a_fresh_generation() -> None:
    pytest.importorskip("confusable_homoglyphs")
    script = ROOT / "scripts" / "gen_confusables.py"
    if not script.exists():
        pytest.skip("the generator script is not beside the tests")
    spec = importlib.util.spec_from_file_location("gen_confusables", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import claimlint._confusables as committed

    assert Path(committed.__file__).read_text(encoding="utf-8") == module.render()
