"""Sources: each syntax's checked segments and their offsets, pinned by golden files.

Each fixture in tests/fixtures/sources has a `.golden` file beside it holding its segments (as
pieces: text, source start, source end, line:column) and its findings with the fixture pack.
Run with CLAIMLINT_UPDATE_GOLDEN=1 to rewrite them, then read the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import ROOT, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import rules, sources
from claimlint.cli import main
from claimlint.engine import Lines
from claimlint.lint import lint_document
from claimlint.model import Document, Finding, RulePack, Segment
from claimlint.sources import html, locale_json, locale_yaml, markdown, po
from claimlint.sources.mapping import OBJECT

FIXTURES = ROOT / "tests" / "fixtures" / "sources"
PACK = FIXTURES / "pack.yaml"
CASES = sorted(
    str(p.relative_to(FIXTURES)).replace(os.sep, "/")
    for p in FIXTURES.rglob("*")
    if p.is_file()
    and p.suffix != ".golden"
    and not p.name.startswith(".")
    and p.name != "pack.yaml"
)
UPDATE = os.environ.get("CLAIMLINT_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return rules.load(PACK)


def _document(case: str) -> Document:
    return sources.read(str(FIXTURES / case))


def pieces(segment: Segment, source: str) -> list[list[Any]]:
    """Split a segment into runs copied verbatim from the source and single mapped characters."""
    lines = Lines(source)
    ends = segment.ends or segment.offsets[1:]
    out: list[list[Any]] = []
    for i, char in enumerate(segment.text):
        start, end = segment.offsets[i], ends[i]
        verbatim = source[start:end] == char
        last = out[-1] if out else None
        if last and verbatim and last[4] and last[2] == start:
            last[0] += char
            last[2] = end
        elif last and not verbatim and not last[4] and (last[1], last[2]) == (start, end):
            last[0] += char  # one reference decoded into several characters
        else:
            line, column = lines.position(start)
            out.append([char, start, end, f"{line}:{column}", verbatim])
    for piece in out:
        if not piece[4]:
            piece[0] = f"{piece[0]} ← {source[piece[1] : piece[2]]}"
        del piece[4]
    return out


def _finding_line(f: Finding) -> str:
    return f"{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.code} {f.match}"


def _golden(case: str, pack: RulePack) -> dict[str, Any]:
    document = _document(case)
    record: dict[str, Any] = {
        "syntax": document.syntax,
        "segments": [pieces(s, document.source) for s in document.segments],
        "findings": [_finding_line(f) for f in lint_document(document, pack)],
    }
    if "suppress" in case:
        record["findings with --no-suppress"] = [
            _finding_line(f) for f in lint_document(document, pack, suppressions=False)
        ]
    return record


@pytest.mark.parametrize("case", CASES)
def test_sources_golden(case: str, pack: RulePack) -> None:
    path = FIXTURES / f"{case}.golden"
    actual = _golden(case, pack)
    if UPDATE:
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert actual == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_sources_offsets_are_monotone_in_bounds_and_exact(case: str) -> None:
    document = _document(case)
    size = len(document.source)
    for segment in document.segments:
        offsets, ends = list(segment.offsets), list(segment.ends or segment.offsets[1:])
        assert len(offsets) == len(segment.text) + 1 and len(ends) == len(segment.text)
        assert offsets == sorted(offsets) and 0 <= offsets[0] and offsets[-1] <= size
        assert all(s < e <= n for s, e, n in zip(offsets, ends, offsets[1:]))
        assert offsets[-1] == ends[-1]
        # A character shown verbatim comes from a source character equal to it; others decode
        # markup (an entity, an escape, a line break, a code span).
        for char, start, end in zip(segment.text, offsets, ends):
            if end - start == 1 and char != OBJECT and not char.isspace():
                assert document.source[start] == char or document.source[start] in "\\&", (
                    char,
                    start,
                )


def _source_at(source: str, f: Finding) -> str:
    lines = source.split("\n")
    if (f.line, f.column) == (f.end_line, f.end_column):
        return ""
    if f.line == f.end_line:
        return lines[f.line - 1][f.column - 1 : f.end_column - 1]
    middle = lines[f.line : f.end_line - 1]
    return "\n".join(
        [lines[f.line - 1][f.column - 1 :], *middle, lines[f.end_line - 1][: f.end_column - 1]]
    )


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("suppressions", [True, False])
def test_sources_every_finding_points_at_its_match(
    case: str, suppressions: bool, pack: RulePack
) -> None:
    document = _document(case)
    for chosen in (pack, rules.default_pack()):
        findings = lint_document(document, chosen, suppressions=suppressions)
        for f in findings:
            assert _source_at(document.source, f) == f.match, f


# ---------------------------------------------------------------------------- what is not copy


def _texts(extract: Any, source: str) -> str:
    return " | ".join(s.text for s in extract(source))


def test_markdown_leaves_out_code_urls_comments_and_tags() -> None:
    source = (
        "Text `detox` [link](https://x.com/detox 'Title') <https://detox.com> <!-- detox -->\n"
        '<span class="detox" title="Span title">in span</span> ![alt](/detox.png)\n\n'
        '```detox\ndetox\n```\n\n    detox\n\n<div class="detox">\n<!-- detox -->\n</div>\n'
    )
    texts = _texts(markdown.segments, source)
    assert "detox" not in texts
    assert texts == f"Text {OBJECT} link {OBJECT}  in span | Title | Span title | alt"


def test_markdown_blocks_are_separate_segments_and_soft_breaks_read_as_spaces() -> None:
    source = "# Head\n\nPara one\n  goes on.\n\n- item\n- item two\n\n> quote\n\n| a | b |\n|---|---|\n| c | d |\n"
    assert [s.text for s in markdown.segments(source)] == [
        "Head",
        "Para one goes on.",
        "item",
        "item two",
        "quote",
        "a",
        "b",
        "c",
        "d",
    ]


def test_markdown_table_cells_are_found_in_order_past_empty_ones() -> None:
    source = "| a | b | c |\n|---|---|---|\n| detox | | detox |\n"
    assert [s.offsets[0] for s in markdown.segments(source)][-2:] == [30, 40]


def test_markdown_front_matter_gives_only_title_description_and_summary() -> None:
    source = "---\ntitle: Detox\nslug: detox\nsummary: 'It''s'\nimage: /detox.png\n---\nBody\n"
    segments = markdown.segments(source)
    assert [s.text for s in segments] == ["Detox", "It's", "Body"]
    assert source[segments[0].offsets[0] : segments[0].offsets[-1]] == "Detox"


def test_markdown_toml_front_matter_gives_only_title_description_and_summary() -> None:
    source = (
        '+++\ntitle = "Detox \\"day\\""\nslug = "detox"\ndescription = \'C:\\raw\'\n+++\nBody\n'
    )
    segments = markdown.segments(source)
    assert [s.text for s in segments] == ['Detox "day"', "C:\\raw", "Body"]
    assert source[segments[1].offsets[0] : segments[1].offsets[-1]] == "C:\\raw"


def test_html_leaves_out_scripts_styles_templates_comments_urls_and_classes() -> None:
    source = (
        '<html><head><script type="application/ld+json">{"a": "detox"}</script>'
        '<style>.detox{}</style><link href="/detox.css"></head>'
        '<body class="detox"><!-- detox --><a href="/detox">Go</a><template>detox</template>'
        '<img src="/detox.png" alt="Alt"><meta property="og:image" content="/detox.png"></body></html>'
    )
    assert _texts(html.segments, source) == "Go | Alt"


def test_html_decodes_entities_with_exact_spans() -> None:
    source = "<p>A&amp;B&#x2014;C&nbsp;D &zz; E</p>"
    (segment,) = html.segments(source)
    assert segment.text == "A&B\u2014C\xa0D &zz; E"
    assert segment.source_span(1, 2) == (4, 9)  # '&' ← '&amp;'
    assert segment.source_span(3, 4) == (10, 18)  # '—' ← '&#x2014;'
    assert segment.source_span(0, 5) == (3, 19)


def test_html_inline_tags_do_not_end_a_segment_and_block_tags_do() -> None:
    source = "<div>Permanent <b>hair</b>\n removal<p>Next</p>one<br>two</div>"
    assert [s.text for s in html.segments(source)] == ["Permanent hair removal", "Next", "one\ntwo"]


def test_json_leaves_out_keys_notes_and_numbers() -> None:
    source = (
        '{"detox": 1, "_comment": "detox", "@k": {"description": "detox"}, "a": ["x", {"b": "y"}]}'
    )
    assert _texts(locale_json.segments, source) == "x | y"


def test_json_maps_escapes_exactly() -> None:
    source = '{"k": "a\\"b\\n\\u00e9\\ud83d\\ude00"}'
    (segment,) = locale_json.segments(source)
    assert segment.text == 'a"b\né😀'
    assert [segment.source_span(i, i + 1) for i in range(len(segment.text))] == [
        (7, 8),
        (8, 10),
        (10, 11),
        (11, 13),
        (13, 19),
        (19, 31),
    ]


def test_yaml_leaves_out_keys_comments_and_non_strings() -> None:
    source = "detox: Hi  # detox\nn: 3\nb: yes\nq: 'detox''s'\nl: [a, 2]\n"
    assert _texts(locale_yaml.segments, source) == "Hi | detox's | a"


def test_yaml_that_does_not_parse_is_checked_as_plain_text() -> None:
    assert _texts(locale_yaml.segments, "a: [unclosed\n") == "a: [unclosed\n"


def test_po_checks_translations_or_a_template_s_msgids() -> None:
    translated = 'msgid ""\nmsgstr "X: y"\n\nmsgid "Detox"\nmsgstr "Desintox"\n"icación"\n'
    assert _texts(po.segments, translated) == "Desintoxicación"
    template = 'msgid ""\nmsgstr "X: y"\n\nmsgid "Detox"\nmsgstr ""\n'
    assert _texts(po.segments, template) == "Detox"


@pytest.mark.parametrize("syntax", sorted(set(sources.SYNTAXES) - {"txt"}))  # read() drops a BOM
def test_sources_a_byte_order_mark_shifts_every_offset_by_one(syntax: str) -> None:
    source = {
        "json": '{"a": "Detox"}',
        "po": 'msgid "a"\nmsgstr "Detox"\n',
        "yaml": "a: Detox\n",
    }.get(syntax, "Detox")
    extract = sources.SYNTAXES[syntax]
    plain = extract(source)
    marked = extract("\ufeff" + source)
    assert [s.text for s in marked] == [s.text for s in plain]
    assert [[o + 1 for o in s.offsets] for s in plain] == [list(s.offsets) for s in marked]


@pytest.mark.parametrize(
    "case", [c for c in CASES if not c.startswith(("pagina", "i18n/es", "locales/es"))]
)
def test_sources_crlf_reads_like_lf(case: str) -> None:
    source = (FIXTURES / case).read_text(encoding="utf-8")
    syntax = sources.syntax_for(case)
    lf = sources.parse(source, syntax=syntax)
    crlf = sources.parse(source.replace("\n", "\r\n"), syntax=syntax)
    assert [s.text.replace("\r\n", "\n") for s in crlf.segments] == [s.text for s in lf.segments]


def test_sources_syntax_for_and_walk() -> None:
    assert [
        sources.syntax_for(p) for p in ("a.md", "a.MDX", "b.htm", "c.po", "d.pot", "e.txt", "f.rst")
    ] == ["md", "md", "html", "po", "po", "txt", "txt"]
    assert sources.syntax_for("site/locales/en.json") == "json"
    assert sources.syntax_for("i18n/es.yml") == "yaml"
    assert sources.is_walked("site/locales/en.json") and sources.is_walked("src/i18n/es.yaml")
    assert not sources.is_walked("package.json") and not sources.is_walked(
        ".github/workflows/ci.yml"
    )


# ---------------------------------------------------------------------------- command line


def test_cli_checks_a_seed_as_markdown_without_reading_its_urls(write_pack: Any) -> None:
    seed = next((SHARED / "corpus" / "seeds").glob("001_*.txt"))
    whitening = write_pack(
        """
        version: 1
        rules:
          - code: CL201  # extends the default pack's rule
            patterns: {en: ['\\bskin[\\s-]whitening\\b']}
            examples: {en: {flag: ["A skin whitening drip."], pass: ["Teeth whitening."]}}
        """
    )
    runner = CliRunner()
    as_text = runner.invoke(
        main, ["check", "--extend-rules", str(whitening), "--format", "json", str(seed)]
    )
    as_md = runner.invoke(
        main,
        [
            "check",
            "--syntax",
            "md",
            "--extend-rules",
            str(whitening),
            "--format",
            "json",
            str(seed),
        ],
    )
    text_codes = {f["code"] for f in json.loads(as_text.stdout)}
    md = json.loads(as_md.stdout)
    assert "CL201" in text_codes  # the URL .../glutathione-skin-whitening-injections/ as plain text
    assert "CL451" in {f["code"] for f in md} and "CL201" not in {f["code"] for f in md}
    assert all(f["match"].lower().startswith("detox") for f in md if f["code"] == "CL451")


def test_cli_reads_markdown_from_stdin() -> None:
    result = CliRunner().invoke(
        main,
        ["check", "--syntax", "md", "-"],
        input="Try [our detox](https://x.com/permanent-results).\n",
    )
    assert "<stdin>:1:10: CL451" in result.stdout
    assert "CL101" not in result.stdout


def test_cli_walks_locale_folders_and_markup(tmp_path: Path) -> None:
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "en.json").write_text('{"detox": "A detox drip"}', encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "detox"}', encoding="utf-8")
    (tmp_path / "page.html").write_text('<p class="detox">Detox</p>', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "--select", "detox", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    places = sorted(
        line.split(": ")[0][len(str(tmp_path)) + 1 :] for line in result.stdout.splitlines()
    )
    assert places == [os.path.join("locales", "en.json") + ":1:14", "page.html:1:18"]


# ---------------------------------------------------------------------------- any input

_MARKUP = st.lists(
    st.sampled_from(
        list("ab é*_`[]()<>!&;\\|#->'\"\t\n")
        + [
            "\r\n",
            "&amp;",
            "&#x41;",
            "](u)",
            '](u "t")',
            "![",
            "<b>",
            "</b>",
            "<!-- c -->",
            "<![x",
            "**",
            "~~",
            "- ",
            "> ",
            "1. ",
            "    ",
            "```",
            "| a | b |\n|---|---|\n| c \\| d |",
            "<a title='t'>",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(source=_MARKUP)
def test_markup_extractors_map_any_input_exactly(source: str) -> None:
    for extract in (markdown.segments, html.segments):
        for segment in extract(source):
            ends = list(segment.ends or segment.offsets[1:])
            starts = list(segment.offsets)
            assert len(starts) == len(segment.text) + 1 and starts == sorted(starts)
            for i, (char, start, end) in enumerate(zip(segment.text, starts, ends)):
                assert start < end <= len(source)
                # Spans never overlap, except characters decoded from one reference.
                assert end <= starts[i + 1] or (start, end) == (starts[i + 1], ends[i + 1])
                if end - start == 1 and char != OBJECT and not char.isspace():
                    assert source[start] == char or source[start] in "\\&"
