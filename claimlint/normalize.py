"""Normalisation: the text rules see, an exact map back to the input, and the disguises found.

Copy that dodges filters (Cyrillic 'е' inside English words, zero-width spaces, full-width or
spaced-out letters, leetspeak) is folded back to plain text so that every rule sees the claim,
and each disguised word is reported. `offsets[i]` is the input index where the input that
produced normalised character i starts, so a normalised span [a, b) is input[offsets[a]:offsets[b]].
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

from claimlint._confusables import LETTERS, LOOKALIKES, MARKS
from claimlint.lazy import LazyRegex


class Disguise(NamedTuple):
    """A word written to dodge filters."""

    start: int  # span of the disguised word in the INPUT text
    end: int
    word: str  # the input text of that word
    detail: str  # plain words: "'sаfe' mixes Cyrillic 'а' (U+0430) into a Latin word"


class Normalized(NamedTuple):
    """The text rules see, its map back to the input, and the disguised words."""

    text: str
    offsets: Sequence[int]  # len(text)+1 entries: normalised index -> input index
    disguises: tuple[Disguise, ...]


def _class(spans: Iterable[tuple[int, int]]) -> str:
    """The inside of a character class for the BMP part of inclusive code point ranges."""
    # `re` scans a class of BMP ranges through a bitmap; one range beyond U+FFFF makes it test
    # every range at every character, 100x slower. Letters and marks beyond the BMP are not
    # used in copy, and styled mathematical letters are caught before this.
    # The characters themselves, not escapes: `re` parses them twice as fast (start-up).
    return "".join(f"{_in_class(a)}-{_in_class(min(b, 0xFFFF))}" for a, b in spans if a <= 0xFFFF)


def _in_class(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char


# Letters of the four alphabetic scripts mixed to dodge filters, and combining marks; from the
# same Unicode data as the look-alikes. Plain `re` classes: 5-10x faster than `\p{…}` here.
_SCRIPTS = ("Latin", "Cyrillic", "Greek", "Armenian")
_SCRIPT_OF = {chr(c): s for s in _SCRIPTS for a, b in LETTERS[s] for c in range(a, b + 1)}
_IN_SCRIPT = {s: LazyRegex(f"[{_class(LETTERS[s])}]") for s in _SCRIPTS}
_NOT_IN_SCRIPT = {  # letters of the other three scripts
    s: LazyRegex(f"[{_class(span for o in _SCRIPTS if o != s for span in LETTERS[o])}]")
    for s in _SCRIPTS
}
# Only letters of the other three scripts fold into a script: the look-alike data also maps,
# say, Latin 'ɑ' to 'a', which is no disguise.
_TO = {
    s: {ord(k): v for k, v in LOOKALIKES[s].items() if _SCRIPT_OF.get(k, s) != s} for s in _SCRIPTS
}
_LATIN = _class(LETTERS["Latin"])
_OTHER = _class(span for s in _SCRIPTS[1:] for span in LETTERS[s])
_ALPHA = _LATIN + _OTHER
_MARK = _class(MARKS)

# Invisible format characters that only ever hide something inside a word. ZWNJ/ZWJ are
# handled apart: they are spelling in Persian, Arabic, Urdu and Indic scripts, and emoji glue.
_IGNORABLES = "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_JOINERS = "\u200c\u200d"
_TATWEEL = "\u0640"
_HARAKAT = "\u064b-\u0652"  # Arabic short-vowel marks: optional in writing, so never required
_FOLD_DIGITS = "\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59\u066a"
_DIGIT_TABLE: dict[int, str] = {
    **{base + i: str(i) for base in (0x660, 0x6F0, 0x966, 0x9E6, 0xE50) for i in range(10)},
    0x66A: "%",
}
# Scripts written without spaces, where a zero-width space is a legitimate word break.
_UNSPACED = LazyRegex(
    r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}\p{Han}\p{Hiragana}\p{Katakana}]",
    engine=regex,
)
_CJK = LazyRegex(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f]", engine=regex)

# What the slow path works on. Each search starts with a character class, which `re` scans
# for at hundreds of MB/s; a text where none matches is returned as it is.
_STRIP = LazyRegex(f"[{_IGNORABLES}{_JOINERS}{_TATWEEL}{_HARAKAT}]+")
_DIGITS = LazyRegex(f"[{_FOLD_DIGITS}]")
_FOLDED = LazyRegex(f"[{_IGNORABLES}{_JOINERS}{_TATWEEL}{_HARAKAT}{_FOLD_DIGITS}]")
_ODD = LazyRegex(f"[{_IGNORABLES}{_JOINERS}{_TATWEEL}{_HARAKAT}{_FOLD_DIGITS}{_MARK}{_OTHER}]")
_MIXED = LazyRegex(  # a Cyrillic/Greek/Armenian letter next to a Latin one
    f"[{_OTHER}](?:(?<=[{_LATIN}].)|(?<=[{_LATIN}][{_MARK}].)|[{_MARK}]*[{_LATIN}])"
)
_MARKED = LazyRegex(f"[{_MARK}](?<=[{_ALPHA}].)")  # a mark left on an alphabetic letter
_ANY_MARK = LazyRegex(f"[{_MARK}]")
_VOCABULARY_WORD = LazyRegex(r"[\p{L}\p{M}]{3,}", engine=regex)
_LEET_CHARS = "013457@$!|"
_LEET = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
_LEET_SPOT = re.compile(r"[013457@$!|](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
_SEPARATORS = r" .\-_*·/"
_SPACED_HINT = re.compile(f"[{_SEPARATORS}][\\w@$][{_SEPARATORS}]{{1,3}}[\\w@$](?![\\w@$])")
_SPACED = LazyRegex(
    rf"(?<![\w@$])[\p{{L}}0-9@$]\p{{M}}*+([{_SEPARATORS}]{{1,3}})"
    rf"(?:[\p{{L}}0-9@$]\p{{M}}*+\1)+[\p{{L}}0-9@$]\p{{M}}*+(?![\w@$])",
    engine=regex,
)
_FULLWIDTH = LazyRegex("[\uff21-\uff3a\uff41-\uff5a]")
_STYLED = LazyRegex("[\U0001d400-\U0001d7ff]")

_NON_ASCII_RUN = LazyRegex(r"[^\x00-\x7f]+")
_CLUSTER = LazyRegex(r"\X", engine=regex)
_WORD_CHAR = LazyRegex(r"[\p{L}\p{M}\p{N}]", engine=regex)
_ALPHA_LETTER = LazyRegex(f"[{_ALPHA}{_MARK}]")
# Word extents: letters and marks (the unit of script mixing), or those plus leet characters.
_LETTERS_FWD = LazyRegex(r"[\p{L}\p{M}]*", engine=regex)
_LETTERS_BWD = LazyRegex(r"[\p{L}\p{M}]*", regex.REVERSE, regex)
_INVISIBLE = f"{_IGNORABLES}{_JOINERS}{_TATWEEL}"
_INVIS_FWD = LazyRegex(rf"[\p{{L}}\p{{M}}\p{{N}}{_INVISIBLE}]*", engine=regex)
_INVIS_BWD = LazyRegex(rf"[\p{{L}}\p{{M}}\p{{N}}{_INVISIBLE}]*", regex.REVERSE, regex)
_LEET_FWD = LazyRegex(r"[\p{L}\p{M}\p{Nd}@$!|]*", engine=regex)
_LEET_BWD = LazyRegex(r"[\p{L}\p{M}\p{Nd}@$!|]*", regex.REVERSE, regex)
_WIDE_FWD = LazyRegex(r"[\p{L}\p{M}\p{N}]*", engine=regex)
_WIDE_BWD = LazyRegex(r"[\p{L}\p{M}\p{N}]*", regex.REVERSE, regex)
# Decorative marks: strike-through, underline and overline overlays, enclosing marks.
_DECORATIVE = LazyRegex(r"[\u0305\u0332\u0333\u0334-\u0338\u033f\u20d0-\u20f0\p{Me}]", engine=regex)
# Compatibility forms whose NFKC changes meaning (x² is not x2, Botox™ is not BotoxTM).
_KEEP_COMPAT = ("<super>", "<sub>", "<fraction>", "<circle>")
_REGEX_META = frozenset("\\.^$*+?{}[]|()")
_NAMES = {
    "\u00ad": "a soft hyphen",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a zero-width no-break space",
    _TATWEEL: "tatweel",
}
_HARAKAT_SET = frozenset(chr(c) for c in range(0x64B, 0x653))

Edit = tuple[int, int, str]  # replace text[start:end] with the string


def normalize(text: str, vocabulary: frozenset[str] = frozenset()) -> Normalized:
    """Return the text rules see, the map back to `text`, and the disguised words in it."""
    if _plain(text, vocabulary):
        return Normalized(text, range(len(text) + 1), ())
    return _Normalizer(text, vocabulary, pattern=False).run()


def _plain(text: str, vocab: frozenset[str]) -> bool:
    """Whether `text` is certainly left as it is (the fast path)."""
    if not unicodedata.is_normalized("NFKC", text):
        return False
    if (
        not text.isascii()
        and _ODD.search(text)
        and (_FOLDED.search(text) or _MARKED.search(text) or _MIXED.search(text))
    ):
        return False
    return not (vocab and (_LEET_SPOT.search(text) or _SPACED_HINT.search(text)))


def normalize_pattern(pattern: str) -> str:
    """Give a rule pattern the treatment `normalize` gives text, leaving its regex syntax intact."""
    if _plain(pattern, frozenset()):
        return pattern  # most patterns: nothing in them to fold
    out = []
    for literal, piece in _pattern_pieces(pattern):
        if literal and not _plain(piece, frozenset()):
            piece = _Normalizer(piece, frozenset(), pattern=True).run().text
        out.append(piece)
    return "".join(out)


def vocabulary(patterns: Iterable[str]) -> frozenset[str]:
    """The casefolded literal words (3 letters or more) that the rule patterns spell out."""
    words: set[str] = set()
    for pattern in patterns:
        for string in _literal_strings(normalize_pattern(pattern)):
            for word in _VOCABULARY_WORD.findall(string):
                words.add(word.casefold())
    return frozenset(words)


def _in_vocabulary(word: str, vocab: frozenset[str]) -> bool:
    """Whether `word` is a vocabulary word, or one of 4+ letters plus an ending of up to 3."""
    folded = word.casefold()
    if folded in vocab:
        return True
    return any(folded[:k] in vocab for k in range(max(4, len(folded) - 3), len(folded)))


def _cp(ch: str) -> str:
    return f"U+{ord(ch):04X}"


class _Normalizer:
    """One normalisation: the text so far, and where each of its characters came from."""

    def __init__(self, text: str, vocab: frozenset[str], pattern: bool) -> None:
        self.input = text
        self.vocab = vocab
        self.pattern = pattern  # rule pattern mode: escape regex syntax that NFKC produces
        self.text = text
        self.starts: Sequence[int] = range(len(text))
        self.ends: Sequence[int] = range(1, len(text) + 1)
        self.found: list[tuple[int, int, str]] = []  # input start, input end, detail
        self.shifted = False  # whether any edit changed the length (else the map is identity)

    def run(self) -> Normalized:
        self._nfkc()
        self._strip()
        if _DIGITS.search(self.text):  # one for one: the map holds
            self.text = _DIGITS.sub(lambda m: _DIGIT_TABLE[ord(m.group())], self.text)
        self._words()
        if not self.pattern:
            self._styled()
        offsets: Sequence[int]
        if not self.shifted:
            offsets = range(len(self.input) + 1)
        else:
            offsets = [*self.starts, len(self.input)]
        return Normalized(self.text, offsets, self._disguises())

    # -- edits ------------------------------------------------------------------------------

    def _apply(self, edits: list[Edit]) -> None:
        """Apply sorted, non-overlapping edits; new characters map to the span they replace."""
        if not edits:
            return
        text, starts, ends = self.text, self.starts, self.ends
        if all(len(rep) == b - a == 1 for a, b, rep in edits):  # letters swapped: the map holds
            parts = []
            prev = 0
            for a, b, rep in edits:
                parts += (text[prev:a], rep)
                prev = b
            parts.append(text[prev:])
            self.text = "".join(parts)
            return
        self.shifted = True
        parts: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        prev = 0
        for a, b, rep in edits:
            parts.append(text[prev:a])
            new_starts.extend(starts[prev:a])
            new_ends.extend(ends[prev:a])
            if len(rep) == b - a == 1:
                new_starts.append(starts[a])
                new_ends.append(ends[a])
            elif rep:  # NFKC may also reorder marks: the whole output maps to the whole input
                new_starts.extend([starts[a]] * len(rep))
                new_ends.extend([ends[b - 1]] * len(rep))
            parts.append(rep)
            prev = b
        parts.append(text[prev:])
        new_starts.extend(starts[prev:])
        new_ends.extend(ends[prev:])
        self.text = "".join(parts)
        self.starts, self.ends = new_starts, new_ends

    def _span(self, a: int, b: int) -> tuple[int, int]:
        """The input span of normalised text[a:b] (b > a)."""
        return self.starts[a], self.ends[b - 1]

    def _report(self, a: int, b: int, detail: str) -> None:
        if self.pattern:
            return
        start, end = self._span(a, b)
        self.found.append((start, end, detail))

    # -- NFKC -------------------------------------------------------------------------------

    def _nfkc(self) -> None:
        text = self.text
        if unicodedata.is_normalized("NFKC", text):
            return
        edits: list[Edit] = []
        for line_start, line_end in _lines(text):
            if not unicodedata.is_normalized("NFKC", text[line_start:line_end]):
                self._nfkc_line(line_start, line_end, edits)
        self._apply(edits)

    def _nfkc_line(self, line_start: int, line_end: int, edits: list[Edit]) -> None:
        text = self.text
        for run in _NON_ASCII_RUN.finditer(text, line_start, line_end):
            # A combining mark composes with the (ASCII) letter before it: take that letter in.
            first, last = max(run.start() - 1, line_start), run.end()
            chunk = text[first:last]
            if unicodedata.is_normalized("NFKC", chunk):
                continue
            # Fold cluster by cluster, so that each folded character maps to its own cluster.
            pieces = []
            kept = False  # a compatibility form kept as it is (™, ²): NFKC of the run differs
            for m in _CLUSTER.finditer(text, first, last):
                cluster = m.group()
                if not unicodedata.is_normalized("NFKC", cluster):
                    out = _compat_fold(cluster)
                    if out != cluster:
                        pieces.append((m.start(), m.end(), out))
                    kept = kept or _keeps_compat(cluster)
            if not kept:
                folded, prev = [], first
                for a, b, out in pieces:
                    folded += (text[prev:a], out)
                    prev = b
                folded.append(text[prev:last])
                if "".join(folded) != unicodedata.normalize("NFKC", chunk):
                    # A composition crossed a cluster edge: fold the run as one piece.
                    pieces = [(first, last, unicodedata.normalize("NFKC", chunk))]
            for a, b, out in pieces:
                edits.append((a, b, _as_pattern(text[a:b], out) if self.pattern else out))

    # -- invisible characters -----------------------------------------------------------------

    def _strip(self) -> None:
        text = self.text
        edits: list[Edit] = []
        for m in _STRIP.finditer(text):
            a, b = m.span()
            before = text[a - 1] if a else ""
            after = text[b] if b < len(text) else ""
            alphabetic = bool(_ALPHA_LETTER.match(before) and _ALPHA_LETTER.match(after))
            inside = bool(_WORD_CHAR.match(before) and _WORD_CHAR.match(after))
            hidden: list[str] = []
            for i in range(a, b):
                ch = text[i]
                if ch in _JOINERS and not alphabetic:
                    continue  # Persian, Indic, emoji: the joiner is spelling
                edits.append((i, i + 1, ""))
                if ch in _HARAKAT_SET:
                    continue  # optional vowel marks: spelling, not disguise
                if ch == "\u200b" and (_UNSPACED.match(before) or _UNSPACED.match(after)):
                    continue  # a legitimate word break in Thai, Japanese, …
                if inside and ch not in hidden:
                    hidden.append(ch)
            if hidden and not self.pattern:
                self._hidden(a, b, hidden)
        self._apply(edits)

    def _hidden(self, a: int, b: int, hidden: list[str]) -> None:
        """Report the word around invisible characters text[a:b] (before they are removed)."""
        text = self.text
        start = _INVIS_BWD.match(text, 0, a).start()
        end = _INVIS_FWD.match(text, b).end()
        raw = text[start:end]
        visible = _STRIP.sub("", raw)
        # Soft hyphens and tatweel are also layout (CMS hyphenation, stretched headings):
        # a disguise only when they sit in a word a rule looks for.
        quiet = [c for c in hidden if c not in ("\u00ad", _TATWEEL)]
        if not quiet and not _in_vocabulary(visible, self.vocab):
            return
        what = ", ".join(
            _NAMES.get(c, unicodedata.name(c, "an invisible character").lower()) + f" ({_cp(c)})"
            for c in hidden
        )
        if hidden == [_TATWEEL]:
            detail = f"'{visible}' is stretched with {what} to hide it"
        else:
            detail = f"'{visible}' hides {what} inside the word"
        self._report(start, end, detail)

    # -- words ------------------------------------------------------------------------------

    def _words(self) -> None:
        """Fold mixed-script and decorated words, then (with a vocabulary) leet and spacing."""
        text = self.text
        spans: dict[int, int] = {}
        for rx in (_MIXED, _MARKED) if not text.isascii() else ():
            last = -1
            for m in rx.finditer(text):
                if m.start() < last:
                    continue  # the same word again
                start = _LETTERS_BWD.match(text, 0, m.start()).start()
                last = spans.setdefault(start, _LETTERS_FWD.match(text, m.end()).end())
        edits: list[Edit] = []
        seen: dict[str, tuple[list[tuple[int, str]], str]] = {}  # copy repeats its words
        for start in sorted(spans):
            word = text[start : spans[start]]
            if word not in seen:
                seen[word] = self._fold_word(word)
            changes, detail = seen[word]
            edits.extend((start + i, start + i + 1, rep) for i, rep in changes)
            if detail:
                self._report(start, spans[start], detail)
        self._apply(edits)
        if self.vocab and _LEET_SPOT.search(self.text):
            self._leet()
        if self.vocab and _SPACED_HINT.search(self.text):
            self._spaced()

    def _target(self, word: str) -> str | None:
        """The script a word that mixes scripts is written in; None if it mixes none."""
        present = [sc for sc in _SCRIPTS if _IN_SCRIPT[sc].search(word)]
        if len(present) < 2:
            return None
        latin = word.translate(_TO["Latin"])
        if (
            len(present) == 2
            and present[0] == "Latin"
            and not _NOT_IN_SCRIPT["Latin"].search(latin)
            and 2 * len(_IN_SCRIPT["Latin"].findall(word)) >= len(word)
        ):
            return "Latin"  # the usual case, "thе": a few look-alikes in a Latin word

        def cost(target: str) -> tuple[int, bool, int, bool]:
            # Fewest letters left unfolded, then a word a rule looks for ("BОТОХ" is 'BOTOX',
            # not 'ВОТОХ'), then the script of most letters, then Latin.
            folded = word.translate(_TO[target])
            stuck = len(_NOT_IN_SCRIPT[target].findall(folded))
            known = _in_vocabulary(folded, self.vocab)
            return stuck, not known, -len(_IN_SCRIPT[target].findall(word)), target != "Latin"

        return min(present, key=cost)

    def _fold_word(self, word: str) -> tuple[list[tuple[int, str]], str]:
        """Per-character changes that unmask `word`, and what they unmasked ("" if nothing)."""
        edits: list[tuple[int, str]] = []
        details: list[str] = []
        target = self._target(word)
        if target:
            folded = word.translate(_TO[target])
            swapped: dict[str, str] = {}
            for i, (ch, new) in enumerate(zip(word, folded, strict=True)):
                if ch != new:
                    edits.append((i, new))
                    swapped.setdefault(ch, _SCRIPT_OF.get(ch, "another"))
            if swapped:
                letters = ", ".join(f"'{c}' ({_cp(c)})" for c in swapped)
                names = " and ".join(sorted(set(swapped.values())))
                details.append(f"'{word}' mixes {names} {letters} into a {target} word")
        marks = []
        if _ANY_MARK.search(word):
            marks = [i for i, ch in enumerate(word) if unicodedata.category(ch) == "Mn"]
        if marks and not self.pattern:
            bare = "".join(ch for i, ch in enumerate(word) if i not in marks)
            decorative = [word[i] for i in marks if _DECORATIVE.match(word[i])]
            unmasks = _in_vocabulary(bare, self.vocab) and not _in_vocabulary(word, self.vocab)
            if decorative or unmasks:
                edits.extend((i, "") for i in marks)
                used = ", ".join(dict.fromkeys(_cp(word[i]) for i in marks))
                details.append(f"'{word}' hides '{bare}' under combining marks ({used})")
        edits.sort()
        return edits, "; ".join(details)

    def _leet(self) -> None:
        text = self.text
        edits: list[Edit] = []
        done = -1
        for m in _LEET_SPOT.finditer(text):
            if m.start() < done:
                continue
            a = _LEET_BWD.match(text, 0, m.start()).start()
            b = _LEET_FWD.match(text, m.end()).end()
            done = b
            while b > a and text[b - 1] in "!|":
                b -= 1  # "safe!" ends a sentence
            while a < b and text[a] in "!|":
                a += 1
            word = text[a:b]
            letters = sum(1 for c in word if c.isalpha())
            leet = [i for i, c in enumerate(word) if c in _LEET_CHARS]
            if (
                len(word) < 4
                or letters < 2
                or not leet
                or any(c.isdigit() and c not in _LEET_CHARS for c in word)
                # Leet stands in for Latin letters: beside Han, kana or Arabic letters a digit
                # or '!' is a number or a mark ("内出血は1〜2週間", "没有之一!!").
                or any(c.isalpha() and _SCRIPT_OF.get(c) != "Latin" for c in word)
                # Two or more digits ending a word make a code, not leet ("JULIA15", "GLOW20").
                or _is_code(word, leet)
            ):
                continue
            plain = self._unleet(word)
            if plain is None:
                continue
            edits.extend((a + i, a + i + 1, plain[i]) for i in leet)
            subs = ", ".join(dict.fromkeys(f"'{word[i]}' for '{plain[i].lower()}'" for i in leet))
            self._report(a, b, f"'{word}' spells '{plain}' with look-alike characters ({subs})")
        self._apply(edits)

    def _unleet(self, word: str) -> str | None:
        """The reading of leetspeak `word` that is a vocabulary word, if any."""
        upper = word.isupper()
        choices = [("il" if c == "1" else _LEET[c]) if c in _LEET_CHARS else c for c in word]
        for combo in itertools.islice(itertools.product(*choices), 16):
            plain = "".join(combo)
            if _in_vocabulary(plain, self.vocab):
                return plain.upper() if upper else plain
        return None

    def _spaced(self) -> None:
        text = self.text
        edits: list[Edit] = []
        lines = {_line_of(text, m.start()) for m in _SPACED_HINT.finditer(text)}
        found = (m for line in sorted(lines) for m in _SPACED.finditer(text, *line))
        for m in found:
            sep = m.group(1)
            a, b = m.span()
            units = regex.findall(r"[\p{L}0-9@$]\p{M}*", text[a:b])
            joined = "".join(units)
            if len(units) < 4 or sum(1 for c in joined if c.isalpha()) < 2:
                continue  # "U.S.A.", "J. R. R.": initials, not a word spaced out
            plain = joined if _in_vocabulary(joined, self.vocab) else self._unleet(joined)
            if plain is None:
                continue
            pos = a
            for unit in units[:-1]:
                pos += len(unit)
                edits.append((pos, pos + len(sep), ""))
                pos += len(sep)
            how = "dots" if sep.strip() == "." else "spaces" if not sep.strip() else f"'{sep}'"
            word = text[a:b]
            self._report(a, b, f"'{word}' spells '{plain}' with its letters split by {how}")
            if plain != joined:
                at = a
                for unit, ch in zip(units, plain, strict=False):
                    if unit[0] != ch:
                        edits.append((at, at + 1, ch))
                    at += len(unit) + len(sep)
        edits.sort()
        self._apply(edits)

    # -- full-width and styled letters (seen in the input, before NFKC) ------------------------

    def _styled(self) -> None:
        src = self.input
        seen = -1
        for rx, kind in ((_FULLWIDTH, "full-width"), (_STYLED, "styled (mathematical)")):
            for m in rx.finditer(src):
                if m.start() < seen:
                    continue
                a = _WIDE_BWD.match(src, 0, m.start()).start()
                b = _WIDE_FWD.match(src, m.end()).end()
                seen = b
                word = src[a:b]
                if kind == "full-width" and not regex.search(r"[A-Za-z]", word):
                    line_start = src.rfind("\n", 0, a) + 1
                    line_end = src.find("\n", b)
                    if _CJK.search(src, line_start, len(src) if line_end < 0 else line_end):
                        continue  # full-width Latin is ordinary in Chinese and Japanese copy
                plain = unicodedata.normalize("NFKC", word)
                self.found.append((a, b, f"'{word}' writes '{plain}' in {kind} letters"))
            seen = -1

    # -- result -----------------------------------------------------------------------------

    def _disguises(self) -> tuple[Disguise, ...]:
        """One disguise per word: reports on overlapping spans are merged."""
        merged: list[list] = []
        for start, end, detail in sorted(self.found):
            if merged and start < merged[-1][1]:
                last = merged[-1]
                last[1] = max(last[1], end)
                if detail not in last[2]:
                    last[2].append(detail)
            else:
                merged.append([start, end, [detail]])
        return tuple(Disguise(s, e, self.input[s:e], "; ".join(d)) for s, e, d in merged)


def _is_code(word: str, leet: Sequence[int]) -> bool:
    """Whether the leet characters of `word` are only a run of two or more digits ending it."""
    digits = len(word) - len(word.rstrip("0123456789"))
    return digits >= 2 and all(i >= len(word) - digits for i in leet)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line of `text`, newline included."""
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield start, end
        start = end


def _line_of(text: str, i: int) -> tuple[int, int]:
    """The (start, end) of the line holding text[i], newline excluded."""
    end = text.find("\n", i)
    return text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end


def _keeps_compat(chunk: str) -> bool:
    return any(unicodedata.decomposition(c).startswith(_KEEP_COMPAT) for c in chunk)


def _compat_fold(chunk: str) -> str:
    """NFKC, or NFC when a compatibility form in `chunk` carries meaning (x², Botox™)."""
    if _keeps_compat(chunk):
        return unicodedata.normalize("NFC", chunk)
    return unicodedata.normalize("NFKC", chunk)


def _as_pattern(chunk: str, out: str) -> str:
    """Write folded pattern text so it stays text: full-width '（' becomes '\\(', not a group."""
    wrap = len(out) > 1  # a quantifier after the chunk must still apply to all of it
    out = "".join("\\" + c if c in _REGEX_META and c not in chunk else c for c in out)
    return f"(?:{out})" if wrap else out


# -- patterns ---------------------------------------------------------------------------------

_ESCAPE = LazyRegex(
    r"\\(?:[pPN]\{[^}]*\}|[xuU]\{[^}]*\}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}"
    r"|[gk]<[^>]*>|[0-7]{1,3}|.)",
    regex.S,
    regex,
)
_GROUP_HEAD = LazyRegex(
    r"\(\?(?:P?<[A-Za-z_]\w*>|P=\w+\)|'\w+'|[A-Za-z-]*[:)]|<?[=!]|[>|]|#[^)]*\))", engine=regex
)


def _pattern_pieces(pattern: str) -> Iterator[tuple[bool, str]]:
    """Split a pattern into (is_literal, text) pieces; characters in a set stand alone."""
    i, n, depth = 0, len(pattern), 0
    literal: list[str] = []

    def flush() -> Iterator[tuple[bool, str]]:
        if literal:
            yield True, "".join(literal)
            literal.clear()

    while i < n:
        ch = pattern[i]
        if ch == "\\":
            yield from flush()
            m = _ESCAPE.match(pattern, i)
            yield False, m.group() if m else ch
            i = m.end() if m else i + 1
        elif depth == 0 and ch == "(" and pattern.startswith("?", i + 1):
            yield from flush()
            m = _GROUP_HEAD.match(pattern, i)
            j = m.end() if m else i + 2
            yield False, pattern[i:j]
            i = j
        elif ch == "[":
            yield from flush()
            j = i + 1
            if pattern.startswith("^", j):
                j += 1
            if depth == 0 and pattern.startswith("]", j):
                j += 1  # a ']' first in a set is a literal
            depth += 1
            yield False, pattern[i:j]
            i = j
        elif depth and ch == "]":
            depth -= 1
            yield False, ch
            i += 1
        elif depth:
            yield True, ch  # alone, so that no set member is folded by its neighbours
            i += 1
        else:
            literal.append(ch)
            i += 1
    yield from flush()


def _literal_strings(pattern: str) -> list[str]:
    """Literal strings a pattern spells out (optional parts and alternatives expanded)."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse  # type: ignore[no-redef]
    simple = regex.sub(r"\\[pP]\{[^}]*\}|\\[XRmM]|\(\?V[01]\)", ".", pattern)
    try:
        with warnings.catch_warnings():  # "possible nested set": V1 syntax, parsed well enough
            warnings.simplefilter("ignore")
            parsed = sre_parse.parse(simple)
    except Exception:  # syntax only the regex module knows: take the plain runs of letters
        return regex.findall(r"(?<!\\)[\p{L}\p{M}]+", regex.sub(r"\[[^\]]*\]|\\.", " ", pattern))
    out: list[str] = []
    _collect(list(parsed), out, sre_parse)
    return out


_MAX_STRINGS = 64


def _collect(items: list, out: list[str], sp) -> None:
    """Append to `out` the literal strings of a parsed sequence; recurse into what breaks it."""
    current: list[str] | None = [""]
    for item in items:
        alts = _alternatives(item, sp)
        if alts is not None and current is not None and len(current) * len(alts) <= _MAX_STRINGS:
            current = [c + a for c in current for a in alts]
            continue
        if current:
            out.extend(current)
        if alts is not None:
            current = list(alts)
        else:
            current = [""]
            for sub in _children(item, sp):
                _collect(sub, out, sp)
    if current:
        out.extend(current)


def _alternatives(item, sp) -> list[str] | None:
    """The strings one parsed item can match, when it is made of literals only (else None)."""
    op, av = item
    if op is sp.LITERAL:
        return [chr(av)]
    if op is sp.IN and all(o is sp.LITERAL for o, _ in av) and len(av) <= 8:
        return [chr(v) for _, v in av]
    if op is sp.SUBPATTERN:
        return _sequence(list(av[-1]), sp)
    if op is sp.BRANCH:
        result: list[str] = []
        for branch in av[1]:
            alts = _sequence(list(branch), sp)
            if alts is None:
                return None
            result.extend(alts)
        return result if len(result) <= _MAX_STRINGS else None
    if op in (sp.MAX_REPEAT, sp.MIN_REPEAT, getattr(sp, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        alts = _sequence(list(sub), sp)
        if alts is None or (lo, hi) not in ((0, 1), (1, 1)):
            return None
        return ([""] if lo == 0 else []) + alts
    return None


def _sequence(items: list, sp) -> list[str] | None:
    result = [""]
    for item in items:
        alts = _alternatives(item, sp)
        if alts is None or len(result) * len(alts) > _MAX_STRINGS:
            return None
        result = [r + a for r in result for a in alts]
    return result


def _children(item, sp) -> list[list]:
    """Sub-sequences of a parsed item that is not plain literals."""
    op, av = item
    if op is sp.SUBPATTERN:
        return [list(av[-1])]
    if op is sp.BRANCH:
        return [list(b) for b in av[1]]
    if op in (sp.MAX_REPEAT, sp.MIN_REPEAT, getattr(sp, "POSSESSIVE_REPEAT", None)):
        return [list(av[2])]
    if op in (sp.ASSERT, sp.ASSERT_NOT):
        return [list(av[1])]
    return []
