"""The Python API a CMS plugin uses: in-memory articles in, immutable reports out."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from compliance.api import Report, Severity, check_html, check_markdown, check_text, load_packs
from compliance.errors import PackError
from tests.conftest import ROOT, SAMPLES


def test_check_html_auto_detects_and_reports() -> None:
    report = check_html((SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8"))
    assert isinstance(report, Report)
    assert report.packs == ("dcnf",)
    assert [(f.rule, f.severity) for f in report.findings] == [("dcnf/logo", Severity.ERROR)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.findings[0].rule = "x"  # type: ignore[misc]


def test_check_text_with_explicit_pack_and_meta() -> None:
    seed = (SAMPLES / "dcnf" / "republished.txt").read_bytes()
    report = check_text(seed, packs=["dcnf"], meta={"reporter": "Jake Smith"})
    assert report.findings == ()
    # The reporter given is the reporter the byline credits (no original is given).
    assert [p.rule for p in report.passed] == ["dcnf/logo", "dcnf/byline", "dcnf/affiliation", "dcnf/original-reporter"]


def test_check_markdown_reads_front_matter() -> None:
    report = check_markdown("---\nreporter: Ana Ruiz\n---\n# Budget\n\nBy Ana Ruiz\n\nThe council voted.\n", packs=["common"])
    assert [p.rule for p in report.passed] == ["common/wire-photo", "common/empty-byline"]


def test_inline_suppressions_can_be_turned_off_by_argument_or_configuration(tmp_path: Path) -> None:
    page = "<article><!-- syndcheck-disable dcnf/logo -- fine --><h1>Hi</h1><p>By Jake Smith, Daily Caller News Foundation</p></article>"
    obeyed = check_html(page, packs=["dcnf"])
    assert [f.rule for f in obeyed.findings] == []
    assert [s.finding.rule for s in obeyed.suppressed] == ["dcnf/logo"]
    config = tmp_path / ".syndcheck.yaml"
    config.write_text("inline-suppressions: false\n", encoding="utf-8")
    for ignored in (check_html(page, packs=["dcnf"], inline_suppressions=False), check_html(page, packs=["dcnf"], config=config)):
        assert [f.rule for f in ignored.findings] == ["dcnf/logo"]
        assert (ignored.suppressed, ignored.ignored_suppressions) == ((), 1)
        assert [n.code for n in ignored.notices] == ["no-original", "suppressions-ignored"]


def test_packs_are_loaded_once_and_unknown_ids_raise() -> None:
    assert load_packs() is load_packs()
    with pytest.raises(PackError, match="unknown pack 'no-such-pack'"):
        check_html("<p>x</p>", packs=["no-such-pack"])


@pytest.mark.parametrize("value", ["ftp://x", "javascript:alert(1)", "logo.png"])
def test_an_address_in_meta_that_is_not_http_raises_the_user_error_the_command_line_gives(value: str) -> None:
    from compliance.errors import ConfigError, UserError

    page = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        check_html(page, meta={"logo-url": value})
    assert isinstance(raised.value, UserError)
    assert str(raised.value) == f"metadata 'logo-url' must be an http(s) URL, got '{value}' — give the full address, for example logo-url=https://example.org/…"
    # Given as an address, or not given at all (empty), the same value is used or left out.
    assert [f.rule for f in check_html(page, meta={"logo-url": "https://e.org/l.png"}).findings] == ["dcnf/logo"]
    assert [f.rule for f in check_html(page, meta={"logo-url": ""}).findings] == ["dcnf/logo"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("http://\x1b[31m.example/", "holds a control character (\\x1b, character 8), which no address does: 'http://\\x1b[31m.example/'"),
        ("https://example.org/l\x00.png", "holds a control character (\\x00, character 22), which no address does: 'https://example.org/l\\x00.png'"),
        ("https://example.org/l.png\x7f", "holds a control character (\\x7f, character 26), which no address does: 'https://example.org/l.png\\x7f'"),
        ("https://example.org/\x9b31m", "holds a control character (\\x9b, character 21), which no address does: 'https://example.org/\\x9b31m'"),
        # A C1 control at the end is refused too: `str.strip` would take U+0085 for white space.
        ("https://example.org/l.png\x85", "holds a control character (\\x85, character 26), which no address does: 'https://example.org/l.png\\x85'"),
        ("https://example.org/l.png\x1f", "holds a control character (\\x1f, character 26), which no address does: 'https://example.org/l.png\\x1f'"),
        # The first refused is named; every control of the quote is shown escaped, none dropped.
        (
            "https://x.example/a\x1b[31m\x07\u202e\u2066\u2028\x85\u200fz",
            "holds a control character (\\x1b, character 20), which no address does: 'https://x.example/a\\x1b[31m\\x07\\u202e\\u2066\\u2028\\x85\\u200fz'",
        ),
    ],
)
def test_an_address_in_meta_with_a_control_character_is_refused_not_left_unused(value: str, problem: str) -> None:
    # No address holds one as written; in its host, the address matches no rule's pattern and no
    # fix can link to it: left unused, the check would read as if no address were given.
    from compliance.errors import ConfigError

    page = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    for key in ("logo-url", "original_url"):
        with pytest.raises(ConfigError) as raised:
            check_html(page, meta={key: value})
        assert str(raised.value) == f"metadata '{key}' {problem} — give the full address, for example {key}=https://example.org/…"
    # A browser strips the controls before the scheme; an address with a percent-encoded one is one.
    assert [f.rule for f in check_html(page, meta={"logo-url": "\x01https://example.org/l%1B.png"}).findings] == ["dcnf/logo"]


@pytest.mark.parametrize("command", ["check", "fix"])
def test_the_command_line_refuses_such_an_address_in_one_line_as_the_readme_shows(cli: Any, command: str) -> None:
    run = cli(command, "--pack", "propublica", "--meta", "original-url=http://\x1b[31m.example/", str(SAMPLES / "originals" / "propublica-faithful.md"))
    assert run.code == 2 and run.out == ""
    [line] = run.err.splitlines()
    shown = "metadata 'original-url' holds a control character (\\x1b, character 8), which no address does: 'http://\\x1b[31m.example/'"
    assert line.startswith(f"syndcheck: error: {shown} — ") and "\x1b" not in line
    assert f"`{shown}`" in (ROOT / "README.md").read_text(encoding="utf-8").replace("\n", " ")


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("https://example.org/l.png onerror=x", "a space (\\x20, character 26)"),
        ('https://example.org/l.png" onerror="x', 'a quote (", character 26)'),
        ("https://example.org/<b>.png", "an angle bracket (<, character 21)"),
        ("https://example.org/a\tb.png", "a space (\\t, character 22)"),
        ("https://example.org/a\xa0b.png", "a space (\\xa0, character 22)"),
        ("https://example.org/l.png\xa0", "a space (\\xa0, character 26)"),
    ],
)
def test_an_address_in_meta_with_a_space_quote_or_bracket_is_refused(value: str, named: str) -> None:
    # The character refused is named: a no-break space or a tab reads as a space in the quote.
    from compliance.errors import ConfigError

    page = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        check_html(page, meta={"logo-url": value})
    assert str(raised.value).startswith(f"metadata 'logo-url' holds {named}, which no address does: 'https://example.org/")
    assert str(raised.value).endswith(" — give the address alone, with a space written %20")
    # Percent-encoded, and with the white space a browser strips at its ends, it is an address.
    assert [f.rule for f in check_html(page, meta={"logo-url": " https://example.org/l%20x.png\n"}).findings] == ["dcnf/logo"]


def test_a_pack_named_twice_is_applied_once_however_it_is_named() -> None:
    html = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")
    (dcnf,) = [p for p in load_packs() if p.id == "dcnf"]
    once = check_html(html, packs=["dcnf"])
    for packs in (["dcnf", "dcnf"], "dcnf,dcnf", [dcnf, "dcnf", dcnf]):
        report = check_html(html, packs=packs)
        assert report.packs == ("dcnf",)
        assert [f.rule for f in report.findings] == [f.rule for f in once.findings]


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("https://x.example/a\u2028z", "a line separator (\\u2028, character 20)"),
        ("https://x.example/a\x85z", "a control character (\\x85, character 20)"),
        ("https://x.example/a\x85", "a control character (\\x85, character 20)"),
    ],
)
def test_the_command_line_names_the_character_and_shows_the_address_escaped(cli: Any, value: str, named: str) -> None:
    # Neither a line separator nor a C1 control is shown as a space, and one at the end is not
    # stripped as white space and the address accepted.
    run = cli("check", "--pack", "propublica", "--meta", f"original-url={value}", str(SAMPLES / "originals" / "propublica-faithful.md"))
    assert run.code == 2 and run.out == ""
    [line] = run.err.splitlines()
    shown = value.replace("\u2028", "\\u2028").replace("\x85", "\\x85")
    assert line.startswith(f"syndcheck: error: metadata 'original-url' holds {named}, which no address does: '{shown}' — give the full address")
