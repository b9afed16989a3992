"""Bidirectional control characters get the look-alike letters' treatment: a warning naming each
one and where it is, and a name that a right-to-left override lays out backwards reads as the
reader sees it ("noitadnuoF sweN rellaC yliaD"), so it does not meet a rule asking for the name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.bidi import displayed, reversed_latin, without_controls
from tests.conftest import write

LICENSE = (
    "<p>All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available"
    " without charge to any legitimate news publisher that can provide a large audience. For licensing opportunities of our"
    " original content, please contact licensing@dailycallernewsfoundation.org.</p>"
)
LOGO = '<p><img src="https://dailycallernewsfoundation.org/dcnf-logo.png" alt="Daily Caller News Foundation logo"></p>'


def _dcnf(byline: str, *, logo_above: bool = False) -> str:
    blocks = [f"<p>{byline}</p>", "<p>The Senate delayed a vote on the bill Tuesday.</p>", LOGO, LICENSE]
    if logo_above:
        blocks = [LOGO, f"<p>{byline}</p>", "<p>The Senate delayed a vote on the bill Tuesday.</p>", LICENSE]
    return "<html><body><article><h1>Senate vote delayed</h1>\n" + "\n".join(blocks) + "\n</article></body></html>\n"


def _report(cli: Any, tmp_path: Path, html: str) -> dict[str, Any]:
    path = write(tmp_path, "story.html", html)
    entry: dict[str, Any] = cli("check", "-f", "json", str(path)).json()["files"][0]
    return entry


def _findings(entry: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    return [f for f in entry["findings"] if f["rule"] == rule]


@pytest.mark.parametrize("rlo", ["\u202e", "&#x202E;", "&#8238;"])
def test_a_reversed_affiliation_is_warned_about_and_does_not_count(cli: Any, tmp_path: Path, rlo: str) -> None:
    entry = _report(cli, tmp_path, _dcnf(f"By Maria Lopez, {rlo}Daily Caller News Foundation\u202c"))
    assert entry["packs"] == ["dcnf"]
    (warning,) = _findings(entry, "syndcheck/bidi-controls")
    assert warning["severity"] == "warning"
    assert warning["line"] == 2
    column = 20
    assert warning["message"] == (
        'Bidirectional control characters make "By Maria Lopez, Daily Caller News Foundation" read as'
        f' "By Maria Lopez, noitadnuoF sweN rellaC yliaD": U+202E RIGHT-TO-LEFT OVERRIDE at 2:{column};'
        f" U+202C POP DIRECTIONAL FORMATTING at 2:{column + len(rlo) + len('Daily Caller News Foundation')}."
    )
    (affiliation,) = _findings(entry, "dcnf/affiliation")
    assert "noitadnuoF sweN rellaC yliaD" in affiliation["detail"]


def test_the_logo_above_the_byline_still_ties_the_reporter_but_the_warning_stays(cli: Any, tmp_path: Path) -> None:
    entry = _report(cli, tmp_path, _dcnf("By Maria Lopez, \u202eDaily Caller News Foundation\u202c", logo_above=True))
    assert [f["rule"] for f in entry["findings"]] == ["syndcheck/bidi-controls"]


@pytest.mark.parametrize(
    ("written", "controls"),
    [
        ("Daily\u2066 Caller News Foundation\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE at 3:25; U+2069 POP DIRECTIONAL ISOLATE at 3:49"),
        ("\u202bDaily Caller News Foundation\u202c", "U+202B RIGHT-TO-LEFT EMBEDDING at 3:20; U+202C POP DIRECTIONAL FORMATTING at 3:49"),
        ("Daily Caller&rlm; News Foundation", "U+200F RIGHT-TO-LEFT MARK at 3:32"),
    ],
)
def test_controls_inside_a_publishers_name_are_named_where_they_are(cli: Any, tmp_path: Path, written: str, controls: str) -> None:
    entry = _report(cli, tmp_path, _dcnf(f"By Maria Lopez, {written}", logo_above=True))
    (warning,) = _findings(entry, "syndcheck/bidi-controls")
    assert warning["message"].startswith('Bidirectional control characters sit in a text that names "Daily Caller News Foundation"')
    assert warning["message"].endswith(f": {controls}.")


def test_a_reversed_credit_line_is_no_credit_line(cli: Any, tmp_path: Path) -> None:
    html = (
        "<html><body><article><h1>Hospital bills pile up</h1><p>By Ana Ruiz, ProPublica</p>\n"
        '<p>This story was originally published by <a href="https://www.propublica.org/article/rural-bills">\u202eProPublica\u202c</a>.</p>\n'
        "<p>When Dana Whitlock opened her mailbox, she found a summons.</p>\n"
        '<script async src="https://pixel.propublica.org/pixel.js"></script></article></body></html>\n'
    )
    path = write(tmp_path, "story.html", html)
    entry = cli("check", "-p", "propublica", "-f", "json", str(path)).json()["files"][0]
    assert {"propublica/credit-line", "syndcheck/bidi-controls"} <= {f["rule"] for f in entry["findings"]}


def test_right_to_left_text_with_its_marks_is_not_a_disguise(cli: Any, tmp_path: Path) -> None:
    quote = "<p>\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b\u200f: \u00ab\u0644\u0627\u00bb.</p>"
    entry = _report(cli, tmp_path, _dcnf("By Maria Lopez, Daily Caller News Foundation").replace(LICENSE, quote + LICENSE))
    assert _findings(entry, "syndcheck/bidi-controls") == []


def test_display_order() -> None:
    assert displayed("By \u202eDaily Caller\u202c x") == "By rellaC yliaD x"
    assert displayed("By \u202eDaily Caller") == "By rellaC yliaD"  # to the paragraph's end
    assert displayed("A \u202eab\u202dcd\u202cef\u202c z") == "A fecdba z"  # a left-to-right override inside
    assert displayed("By \u202bDaily Caller\u202c x") == "By Daily Caller x"  # an embedding keeps Latin words in order
    assert displayed("By \u2067Daily Caller\u2069") == "By Daily Caller"
    # Digits after an override take its side (the run starts right to left: W2, W7, I1).
    assert displayed("By \u202eDaily Caller \u202c2024") == "By 2024 rellaC yliaD"
    # White space at the end of a line goes back to the paragraph's direction (L1).
    assert displayed("\u202eDaily Caller News Foundation \u202c") == "noitadnuoF sweN rellaC yliaD "
    # A right-to-left mark ends a Hebrew run, digits and the space before it included.
    assert displayed("\u05d4\u05d5\u05e4\u05d9\u05e2 \u05d1-2024 \u200fDaily Caller") == " 2024-\u05d1 \u05e2\u05d9\u05e4\u05d5\u05d4Daily Caller"
    assert displayed("\ud800\u202eab") == "\ufffdba"  # a lone surrogate (not UTF-8) reads as U+FFFD
    assert reversed_latin("\u202eDCNF\u202c") and not reversed_latin("\u202bDCNF\u202c") and not reversed_latin("\u202e\u05d0\u05d1")
    assert without_controls("a\u200eb\u2066c\u2069") == "abc"


# Bidirectional marks and controls inside a publisher's name: a reader sees the name, so the
# pack applies (the prefilter and full detection both read the text without them), and the
# warning names each one. In HTML (written or as a reference), Markdown and plain text.
@pytest.mark.parametrize(
    ("name", "article", "pack", "named", "control"),
    [
        ("story.html", "<p>This story was originally published by Pro\u200ePublica.</p>", "propublica", "ProPublica", "U+200E LEFT-TO-RIGHT MARK"),
        ("story.html", "<p>This story was originally published by Pro&rlm;Publica.</p>", "propublica", "ProPublica", "U+200F RIGHT-TO-LEFT MARK"),
        (
            "story.md",
            "All content created by the Daily\u2066 Caller News Foundation\u2069, an independent newswire, is free.",
            "dcnf",
            "the Daily Caller",  # (the first of the publisher's names in the text, as written)
            "U+2066 LEFT-TO-RIGHT ISOLATE",
        ),
        ("story.txt", "This story was originally published by Cal\u061cMatters.", "calmatters", "CalMatters", "U+061C ARABIC LETTER MARK"),
        (
            "story.html",
            "<p>This story was originally published by The Texas\u202a Tribune\u202c.</p>",
            "texas-tribune",
            "The Texas Tribune",
            "U+202A LEFT-TO-RIGHT EMBEDDING",
        ),
    ],
    ids=["html-lrm", "html-rlm-reference", "markdown-isolate", "text-arabic-mark", "html-embedding"],
)
def test_a_bidi_mark_inside_a_publishers_name_applies_its_pack_and_is_warned_about(
    cli: Any, tmp_path: Path, name: str, article: str, pack: str, named: str, control: str
) -> None:
    heading = "<h1>Rents rise again</h1>" if name.endswith(".html") else "# Rents rise again" if name.endswith(".md") else "Rents rise again"
    lines = [heading, article, "Tenants said the increase came without warning." if not name.endswith(".html") else "<p>Tenants said so.</p>"]
    path = write(tmp_path, name, "\n\n".join(lines) + "\n")
    entry = cli("check", "-f", "json", str(path)).json()["files"][0]
    assert entry["packs"] == [pack]
    (warning,) = _findings(entry, "syndcheck/bidi-controls")
    assert control in warning["message"]
    assert f'names "{named}"' in warning["message"]


@pytest.mark.parametrize(
    ("article", "pack"),
    [
        # Other invisible format characters (category Cf, Default_Ignorable_Code_Point) are read
        # through too, without the bidirectional warning: the invisible separator, a tag character.
        ("<p>This story was originally published by Pro\u2063Publica.</p>", "propublica"),
        ("<p>This story was originally published by ProPub\U000e0041lica.</p>", "propublica"),
        # Near-misses: a mark in a mention is still a mention, and a format character that shows
        # (U+0600 ARABIC NUMBER SIGN) splits the name as any sign does.
        ("<p>She told the Daily\u200e Caller News Foundation on Monday that she would run.</p>", None),
        ("<p>This story was originally published by Pro\u0600Publica.</p>", None),
    ],
    ids=["invisible-separator", "tag-character", "mark-in-a-mention", "visible-format-character"],
)
def test_invisible_format_characters_are_read_through_and_visible_ones_are_not(cli: Any, tmp_path: Path, article: str, pack: str | None) -> None:
    entry = _report(cli, tmp_path, f"<html><body><article><h1>Rents rise again</h1>{article}<p>Tenants said so.</p></article></body></html>")
    assert entry["packs"] == ([pack] if pack else [])
    assert _findings(entry, "syndcheck/bidi-controls") == []


@pytest.mark.parametrize("kind", ["html", "text", "markdown"])
def test_page_text_leaves_out_c0_controls_and_keeps_c1_controls_for_the_sanitiser(kind: str) -> None:
    # docs/security.md ("How untrusted text is shown"): a reader sees nothing of an escape
    # sequence's ESC or of BEL, so the page's text has none; a C1 control stays, and is shown escaped.
    from compliance.display import visible
    from compliance.document import parse_document

    line = "By Nick\x1b[31m Pope\x07\x9b, Daily Caller News Foundation"
    data = f"<p>{line}</p>" if kind == "html" else f"Senate vote delayed\n\n{line}\n\nThe Senate delayed a vote.\n"
    text = "\n".join(block.text for block in parse_document(data, kind).blocks)
    assert "By Nick[31m Pope\x9b, Daily Caller News Foundation" in text
    assert "\x1b" not in text and "\x07" not in text
    assert visible("Pope\x9b") == "Pope\\x9b"


# A credit that bidirectional controls garble still says whose story it is: detection reads the
# page as written (its logical order, as a search engine indexes it), the pack applies with a
# `hidden-markers` notice, and its rules judge what the reader sees. The byline alone, so no
# other marker (a logo, the license paragraph) makes the pack apply.
def _story_with(credit: str, *, logo: str = "") -> str:
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>Story 12</title></head><body><article><h1>Story 12 about taxes</h1>"
        f"{logo}<p>{credit}</p><p>Lawmakers debated story 12 on Tuesday; the bill passed 12 to 38.</p></article></body></html>\n"
    )


GARBLED_CREDITS = {
    # (the credit as written, as a reader sees it): the rules that fail, besides the warning.
    "By A\u202ena Lopez, Daily Caller News Foundation": ("By AnoitadnuoF sweN rellaC yliaD ,zepoL an", ["dcnf/byline", "dcnf/logo"]),
    "By Ana Lopez, \u202eDaily Caller News Foundation": ("By Ana Lopez, noitadnuoF sweN rellaC yliaD", ["dcnf/affiliation", "dcnf/logo"]),
    "By Ana Lopez</p><p>\u202eFrom the Daily Caller News Foundation": ("noitadnuoF sweN rellaC yliaD eht morF", ["dcnf/affiliation", "dcnf/logo"]),
}


@pytest.mark.parametrize("credit", list(GARBLED_CREDITS), ids=["rlo-in-the-name", "rlo-before-the-affiliation", "rlo-in-a-credit-line"])
def test_a_credit_an_override_reverses_applies_its_pack_and_fails_as_a_reader_sees_it(cli: Any, tmp_path: Path, credit: str) -> None:
    seen, failing = GARBLED_CREDITS[credit]
    path = write(tmp_path, "story.html", _story_with(credit))
    result = cli("check", "-f", "json", str(path))
    assert result.code == 1
    entry = result.json()["files"][0]
    assert entry["packs"] == ["dcnf"]
    (detection,) = [d for d in entry["detections"] if d["pack"] == "dcnf"]
    assert detection["applied"] and detection["markers"] == ["affiliation-line"]
    (notice,) = [n for n in entry["notices"] if n["code"] == "hidden-markers"]
    assert notice["message"].endswith(", garbled by bidirectional controls at line 1")
    assert sorted(f["rule"] for f in entry["findings"] if f["severity"] == "error") == failing
    (warning,) = _findings(entry, "syndcheck/bidi-controls")
    assert f'read as "{seen}"' in warning["message"]
    # The verdicts are those of the pack given by name.
    named = cli("check", "-p", "dcnf", "-f", "json", str(path)).json()["files"][0]
    assert [(f["rule"], f["message"]) for f in named["findings"]] == [(f["rule"], f["message"]) for f in entry["findings"]]


@pytest.mark.parametrize(
    ("opener", "closer"),
    [("\u202d", ""), ("\u202d", "\u202c"), ("\u2067", ""), ("\u2067", "\u2069"), ("\u2068", ""), ("\u2068", "\u2069"), ("\u202e", "\u202c")],
    ids=["lro", "lro-closed", "rli", "rli-closed", "fsi", "fsi-closed", "rlo-closed-before-the-affiliation"],
)
def test_controls_that_keep_the_affiliation_in_order_apply_the_pack_on_what_a_reader_sees(cli: Any, tmp_path: Path, opener: str, closer: str) -> None:
    # A left-to-right override, an isolate, or a right-to-left override closed before the
    # affiliation leaves "Daily Caller News Foundation" as a reader sees it: the pack applies
    # on what is shown, with no notice, and the warning names the controls.
    path = write(tmp_path, "story.html", _story_with(f"By A{opener}na Lopez{closer}, Daily Caller News Foundation"))
    entry = cli("check", "-f", "json", str(path)).json()["files"][0]
    assert entry["packs"] == ["dcnf"]
    assert [n for n in entry["notices"] if n["code"] == "hidden-markers"] == []
    assert sorted(f["rule"] for f in entry["findings"]) == ["dcnf/logo", "syndcheck/bidi-controls"]


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2067", "\u2068"], ids=["rlo", "lro", "rli", "fsi"])
def test_controls_in_the_logos_alt_text_leave_the_logo_a_reader_sees(cli: Any, tmp_path: Path, control: str) -> None:
    # The picture is the logo whatever its alt text says (a reader sees the picture, not the alt
    # text): the pack applies, the logo counts, and the warning names the control.
    logo = f'<p><img src="https://dailycallernewsfoundation.org/logo.png" alt="{control}Daily Caller News Foundation logo" width="120" height="40"></p>'
    path = write(tmp_path, "story.html", _story_with("By Ana Lopez", logo=logo))
    result = cli("check", "-f", "json", str(path))
    entry = result.json()["files"][0]
    assert entry["packs"] == ["dcnf"]
    assert [f["rule"] for f in entry["findings"]] == ["syndcheck/bidi-controls"]
    assert result.code == 0


def test_a_page_that_shows_a_pack_is_not_detected_again_as_written(cli: Any, tmp_path: Path) -> None:
    # What a reader sees applies the pack (the logo): the reversed byline adds no hidden marker.
    logo = '<p><img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo" width="120" height="40"></p>'
    path = write(tmp_path, "story.html", _story_with("\u202eBy Ana Lopez, Daily Caller News Foundation\u202c", logo=logo))
    entry = cli("check", "-f", "json", str(path)).json()["files"][0]
    assert entry["packs"] == ["dcnf"]
    assert [n for n in entry["notices"] if n["code"] == "hidden-markers"] == []
    assert sorted(f["rule"] for f in entry["findings"]) == ["dcnf/byline", "syndcheck/bidi-controls"]
