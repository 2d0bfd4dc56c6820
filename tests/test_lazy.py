"""Patterns compiled on first use answer as the compiled pattern would."""

from __future__ import annotations

import re

import regex

from claimlint.lazy import LazyRegex


def test_lazy_regex_compiles_on_first_use_and_answers_like_the_pattern() -> None:
    lazy = LazyRegex(r"\p{Greek}+", regex.IGNORECASE, regex)
    assert lazy.compiled is None
    assert lazy.search("ΑΒΓ abc").group() == "ΑΒΓ"
    assert lazy.compiled is not None
    assert lazy.sub("-", "αβ x") == "- x"


def test_lazy_regex_uses_re_unless_told_otherwise() -> None:
    lazy = LazyRegex(r"a+")
    assert isinstance(lazy.match("aa").re, re.Pattern)
