"""Pack patterns too costly to compile are refused when the pack loads, before compiling, at
file:line:col: counted repetitions the regex engine writes out (`x{99999999}` took gigabytes),
nested counts that multiply, patterns of tens of thousands of characters, and counts an article
would choose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.patterns import MAX_PATTERN_LENGTH, MAX_REPETITION, PatternTooLarge, check_pattern_size
from tests.conftest import write

HEAD = "id: gz\nname: G\npublisher: G\nterms_url: https://e.org\nas_of: 2024-05-01\nsummary: s\n"


def _pack(check: str, *, before_rules: str = "") -> str:
    return HEAD + before_rules + f"rules:\n  - id: gz/x\n    severity: error\n    message: m\n    help: h\n    check: {check}\n"


def test_a_huge_count_is_one_line_at_the_count_and_exit_2(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "big.yaml", _pack('{text: {pattern: "x{99999999}"}}'))
    article = write(tmp_path, "any.html", "<p>hello</p>")
    expected = (
        f"syndcheck: error: {pack}:12:29: rule gz/x: pattern 'x{{99999999}}': repetition too large (at most 1000): '{{99999999}}'"
        " — write a smaller count, or '+' or '*' where any number will do\n"
    )
    validate = cli("rules", "validate", str(pack))
    assert (validate.code, validate.err) == (2, expected + "exit 2: 1 error\n") or (validate.code, validate.err) == (2, expected)
    check = cli("check", "--rules", str(pack), str(article))
    assert check.code == 2
    assert check.err.splitlines()[0] == expected.rstrip("\n")


@pytest.mark.parametrize(
    ("pattern", "column", "says"),
    [
        ("x{1001}", 31, "repetition too large (at most 1000): '{1001}'"),
        ("x{2000,}", 31, "repetition too large (at most 1000): '{2000,}'"),
        ("x{0,5000}", 31, "repetition too large (at most 1000): '{0,5000}'"),
        ("x{,5000}", 31, "repetition too large (at most 1000): '{,5000}'"),
        ("(?:x{100}){100}", 40, "'{100}' of a part repeated 100 times repeats it 10000 times"),
        ("(?:(?:ab{20}){20}){20}", 48, "'{20}' of a part repeated 400 times repeats it 8000 times"),
        ("x{3}{400}", 34, "'{400}' of a part repeated 3 times repeats it 1200 times"),
        ("(?x)x{ 5000 }", 35, "repetition too large (at most 1000): '{ 5000 }'"),
        ("(?:" + "abcdefghij" * 20 + "){600}", 234, "repeats a part of 203 characters, 121800 characters unrolled (at most 100000)"),
        ("ab{1000}" * 101, 30 + 8 * 100 + 2, "repetitions too large: 101101 characters unrolled in all (at most 100000)"),
    ],
)
def test_costly_counts_are_refused_at_the_count(cli: Any, tmp_path: Path, pattern: str, column: int, says: str) -> None:
    pack = write(tmp_path, "p.yaml", _pack(f"{{text: {{pattern: '{pattern}'}}}}"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert run.err.startswith(f"syndcheck: error: {pack}:12:{column}: rule gz/x: pattern '")
    assert says in run.err


@pytest.mark.parametrize(
    ("check", "before_rules"),
    [
        ("{element: {selector: img, attributes: {alt: 'a{5000}'}}}", ""),
        ("{link: {href: 'example\\.org/a{5000}'}}", ""),
        ("{metadata: {meta: author, pattern: 'a{5000}'}}", ""),
        ("{byline: {affiliation: 'a{5000}'}}", ""),
        ("{not: {text: {pattern: 'a{5000}'}}}", ""),
        ("{text: {pattern: 'By {{many}}'}}", "define:\n  many: '(?:ab){5000}'\n"),
        ("{text: {pattern: 'x'}}", "detect:\n  markers:\n    - id: m\n      label: L\n      check: {text: {pattern: 'a{5000}'}}\n"),
    ],
)
def test_every_pattern_field_of_every_check_kind_and_marker_is_measured(cli: Any, tmp_path: Path, check: str, before_rules: str) -> None:
    pack = write(tmp_path, "p.yaml", _pack(check, before_rules=before_rules))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert "repetition too large (at most 1000): '{5000}'" in run.err
    assert run.err.startswith(f"syndcheck: error: {pack}:")


def test_a_list_of_thousands_of_words_is_refused_as_too_long(cli: Any, tmp_path: Path) -> None:
    words = "|".join(f"w{i}" for i in range(3000))
    pack = write(tmp_path, "p.yaml", _pack(f"{{text: {{pattern: '{words}'}}}}"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    hint = "shorten the pattern, or split a long list of words over several rules"
    assert f"pattern too long: {len(words)} characters (at most {MAX_PATTERN_LENGTH}) — {hint}" in run.err


def test_a_count_from_the_article_is_refused(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "p.yaml", _pack("{text: {pattern: 'By {{meta.reporter}}, x{{{meta.n}}}'}}"))
    run = cli("rules", "validate", str(pack))
    assert run.code == 2
    assert "a repetition count cannot come from the article's 'n' ({{meta.n}}) — write the count in the pack" in run.err


def test_an_article_value_that_makes_a_pattern_too_long_leaves_the_rule_unchecked(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "p.yaml", _pack("{text: {pattern: 'By {{meta.reporter}}'}}"))
    article = write(tmp_path, "a.html", "<p>By Ana Ruiz</p>")
    run = cli("check", "--format", "json", "--rules", str(pack), "--pack", "gz", "--meta", "reporter=" + "Ana " * 4000, str(article))
    (entry,) = run.json()["files"]
    assert entry["findings"] == []
    assert [n["code"] for n in entry["notices"]] == ["pattern-too-large"]
    assert "rule gz/x not checked" in entry["notices"][0]["message"]
    assert cli("check", "--rules", str(pack), "--pack", "gz", "--meta", "reporter=Ana Ruiz", str(article)).code == 0


@pytest.mark.parametrize(
    "pattern",
    [
        "x{1000}",
        "x{5,}",
        "x{0,120}",
        "(?:[^.()\\n]{0,80}?(?:Getty|AFP)){0,200}",
        "(?:x{0,1000}){1000}",
        "[a-z{}]{999}",
        "\\{99999}",
        "\\p{L}{2,40}",
        "(ab|cd){1000}",
        "(?:(?:x{10}){10}){10}",
    ],
)
def test_patterns_packs_write_are_accepted(pattern: str) -> None:
    check_pattern_size(pattern)


@pytest.mark.parametrize("pattern", ["x{99999999}", "(?:x{1000}){1000}", "(?:x{0,1}){1001}", "x" * (MAX_PATTERN_LENGTH + 1)])
def test_the_measure_refuses_without_compiling(pattern: str) -> None:
    with pytest.raises(PatternTooLarge):
        check_pattern_size(pattern)
    assert MAX_REPETITION == 1000
