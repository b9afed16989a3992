"""A pattern's time limit never turns into a silent pass.

Two kinds of page made the built-in packs' patterns run out of time: one enormous line of text
(a credit line's pattern with no literal every match opens with was scanned character by
character, megabytes of it) and an enormous attribute value (a `data:` URL's megabytes of base64
searched by a pattern about a logo's file name). Both are now searched where they can match: a
pattern whose branches open with an optional group (`(?:https?://)?(?:www\\.)?name\\.org`) from
the literals that open the group or follow it, and a `data:` URL as its head (`data:image/png;
base64`), which is what a pattern about an address can mean. Whatever still runs out of time
leaves the document not fully checked, said in every format, and the run exits 2; the advice for
a built-in pack's pattern is about the page, for a user's pack about the pattern.

No test here is timed: each asserts what the check concludes."""

from __future__ import annotations

import base64
import json
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BACKTRACKS, slow_marker_pack, write

# --- the kinds of page that ran out of time, checked now -------------------------------------

_LONG_LINES = {
    "text": ("story.txt", "By Jane Doe\n\n" + "word " * 1_000_000 + "\n\nArticle courtesy of the Daily Caller News Foundation.\n"),
    "markdown": ("story.md", "# Budget talks stall\n\nBy Li Wei\n\n" + "lawmakers met " * 400_000 + "\n\nThis story was originally published by DCNF.\n"),
    "html": (
        "story.html",
        "<html><body><article><h1>Budget</h1><p>By Ana Ruiz</p><p>"
        + "the county said "
        + "x" * 4_000_000
        + "</p><p>Republished with permission from the Daily Caller News Foundation.</p></article></body></html>",
    ),
}


@pytest.mark.parametrize("kind", sorted(_LONG_LINES))
def test_a_credit_line_after_one_enormous_line_applies_its_pack(cli: Any, tmp_path: Path, kind: str) -> None:
    # The copy credits DCNF only by its credit line, after a line of megabytes: checked as DCNF's
    # (its logo and the reporter's affiliation are missing), never "no pack" with exit 0.
    name, text = _LONG_LINES[kind]
    article = write(tmp_path, name, text)
    run = cli("check", "--format", "json", str(article))
    (entry,) = run.json()["files"]
    codes = {notice["code"] for notice in entry["notices"]}
    assert entry["packs"] == ["dcnf"]
    assert "no-pack" not in codes and "marker-time-limit" not in codes
    assert {"dcnf/logo", "dcnf/affiliation"} <= {finding["rule"] for finding in entry["findings"]}
    assert run.code == 1


def test_the_credit_line_pattern_is_searched_only_where_a_name_opens(tmp_path: Path) -> None:
    # The mechanism behind the test above: DCNF's credit-line marker opens with the foundation's
    # name or its host, written with an optional scheme and `www.`; a text without any of them
    # offers no place to try it, however long.
    from compliance.loading import load_packs
    from compliance.patterns import _literal_starts

    (dcnf,) = [pack for pack in load_packs() if pack.id == "dcnf"]
    (marker,) = [marker for marker in dcnf.markers if marker.id == "credit-line"]
    pattern = marker.check.params.pattern
    text = "word " * 200_000
    assert _literal_starts(pattern.regex_text, pattern.ignore_case, text, limit=len(text)) == []
    credited = text + "\nVia https://www.DailyCallerNewsFoundation.org\n"
    starts = _literal_starts(pattern.regex_text, pattern.ignore_case, credited, limit=len(credited))
    # "https://", "www." and the host's name ("Daily…", one of the foundation's names too).
    assert starts == [len(text) + 5, len(text) + 13, len(text) + 17]
    assert [match.group(0).strip() for match in pattern.finditer(credited)] == ["https://www.DailyCallerNewsFoundation.org"]


def _png(width: int, height: int, padding: int) -> str:
    """A PNG's header for a picture of this size, with `padding` bytes of a text chunk after it: a
    `data:` logo of megabytes whose picture a browser draws."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    return base64.b64encode(b"\x89PNG\r\n\x1a\n" + header + chunk(b"tEXt", b"c\x00" + b"\x00" * padding)).decode()


_ALT = 'alt="Daily Caller News Foundation logo"'
_BYLINE = '<p class="byline">By Jane Doe, Daily Caller News Foundation</p>'
_BIG_PNG = "data:image/png;base64," + _png(300, 90, 2_000_000)
_ZEROS = "data:image/png;base64," + "A" * 2_500_000


@pytest.mark.parametrize(
    ("image", "logo_found"),
    [
        # A PNG of megabytes, wherever the image loads it from: the logo, as its alt text says.
        (f'<img {_ALT} src="{_BIG_PNG}">', True),
        (f'<img {_ALT} src="/img/placeholder-x.png" srcset="{_BIG_PNG} 1x">', True),
        (f'<img {_ALT} class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="{_BIG_PNG}">', True),
        (f'<amp-img {_ALT} width="300" height="90" src="{_BIG_PNG}"></amp-img>', True),
        # Megabytes of zero bytes are no picture a browser draws: a broken image, as a short one is.
        (f'<img {_ALT} src="{_ZEROS}">', False),
        # A background names no file of DCNF's logo when it is a `data:` picture: no logo, as for a small one.
        (f'<div class="dcnf-logo" style="display:block;width:300px;height:90px;background:url({_BIG_PNG})"></div>', False),
    ],
)
def test_a_data_url_of_megabytes_is_judged_as_a_short_one(cli: Any, tmp_path: Path, image: str, logo_found: bool) -> None:
    article = write(tmp_path, "copy.html", f"<html><body><article><h1>Budget</h1>{image}{_BYLINE}<p>The county met.</p></article></body></html>")
    run = cli("check", "--select", "dcnf/logo", "--format", "json", str(article))
    (entry,) = run.json()["files"]
    assert entry["packs"] == ["dcnf"]
    logo = [finding for finding in entry["findings"] if finding["rule"] == "dcnf/logo"]
    assert all(finding["detail"] != "pattern time limit exceeded" for finding in logo)
    assert ([p["rule"] for p in entry["passed"] if p["rule"] == "dcnf/logo"] == ["dcnf/logo"]) == logo_found
    assert (run.code, bool(logo)) == ((0, False) if logo_found else (1, True))


def test_a_small_data_url_logo_still_passes(cli: Any, tmp_path: Path) -> None:
    # The near miss: an ordinary page with a small `data:` logo, as before.
    image = f'<img {_ALT} src="data:image/png;base64,{_png(300, 90, 10)}">'
    article = write(tmp_path, "copy.html", f"<html><body><article><h1>Budget</h1>{image}{_BYLINE}<p>The county met.</p></article></body></html>")
    run = cli("check", "--format", "json", str(article))
    (entry,) = run.json()["files"]
    assert entry["packs"] == ["dcnf"] and entry["findings"] == []
    assert {"dcnf/logo", "dcnf/byline", "dcnf/affiliation"} <= {p["rule"] for p in entry["passed"]}
    assert run.code == 0


@pytest.mark.parametrize(
    ("url", "form"),
    [
        ("data:image/png;base64,iVBORw0KGgo" + "A" * 100_000, "data:image/png;base64"),
        ("  DATA:Image/SVG+xml;charset=utf-8,%3Csvg%3E", "data:image/svg+xml;charset=utf-8"),
        ("data:,hello", "data:"),
        ("data:" + "A" * 100_000, "data:" + "a" * 507),  # no comma: no browser reads it; its head is bounded
    ],
)
def test_a_data_url_is_read_by_url_patterns_as_its_head(url: str, form: str) -> None:
    from compliance.urls import url_form

    assert url_form(url) == form


# --- what still runs out of time: not fully checked, in every format, exit 2 ------------------


def test_an_unevaluated_marker_of_a_pack_not_applied_fails_the_run_in_every_format(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "slow.yaml", slow_marker_pack())
    article = write(tmp_path, "story.html", f"<html><body><article><h1>T</h1><p>{BACKTRACKS}</p></article></body></html>")
    said = "detection marker credit of pack slow not evaluated: its pattern exceeded the 0.25 s time limit, so the document was not fully checked"
    last = f"exit 2: 1 document not fully checked: a pattern ran past its time limit ({article}; see above)\n"

    def run(form: str) -> Any:
        result = cli("check", "--rules", str(pack), "--format", form, str(article))
        assert result.code == 2 and result.err.endswith(last), form
        return result

    text = run("text").out
    assert said in text and "no rule pack applies" not in text
    # A user's own pack: simplifying its pattern is the user's to do.
    assert f"or simplify the pattern in {pack}" in text
    assert f"{article}:1:1: note syndcheck/not-checked {said}" in run("concise").out
    assert f"::notice file={article},line=1,col=1,title=syndcheck/not-checked::{said}" in run("github").out
    (issue,) = json.loads(run("gitlab").out)
    assert issue["check_name"] == "syndcheck/marker-time-limit" and issue["severity"] == "critical" and said in issue["description"]
    (invocation,) = json.loads(run("sarif").out)["runs"][0]["invocations"]
    assert not invocation["executionSuccessful"]
    assert [(n["descriptor"]["id"], n["level"]) for n in invocation["toolExecutionNotifications"]] == [("marker-time-limit", "error")]
    assert '<error message="detection marker credit of pack slow not evaluated' in run("junit").out
    (entry,) = run("json").json()["files"]
    assert entry["packs"] == [] and [n["code"] for n in entry["notices"]] == ["marker-time-limit"]


def test_an_unevaluated_marker_of_a_pack_applied_all_the_same_changes_no_verdict(cli: Any, tmp_path: Path) -> None:
    # Another marker applies the pack: its rules were all checked, and the exit code is theirs.
    other = "    - id: pixel\n      weight: 1.0\n      check: {text: {pattern: 'Slow News pixel'}}"
    pack = write(tmp_path, "slow.yaml", slow_marker_pack(extra_markers=other))
    body = f"<h1>T</h1><p>By Ana Ruiz</p><p>Slow News pixel</p><p>{BACKTRACKS}</p>"
    article = write(tmp_path, "story.html", f"<html><body><article>{body}</article></body></html>")
    run = cli("check", "--rules", str(pack), "--format", "json", str(article))
    (entry,) = run.json()["files"]
    assert entry["packs"] == ["slow"]
    notices = {n["code"]: n["message"] for n in entry["notices"]}
    said = "detection marker credit of pack slow not evaluated: its pattern exceeded the 0.25 s time limit (the pack applies all the same)"
    assert notices["marker-time-limit"] == said
    assert run.code == 0


_SLOW_RULE = """id: slowr
name: SlowR
publisher: SlowR News
terms_url: https://example.org/terms
as_of: 2024-01-01
summary: s
detect:
  threshold: 1.0
  markers:
    - id: credit
      check: {text: {pattern: 'SlowR News'}}
rules:
  - id: slowr/credit
    severity: %s
    message: m
    help: h
    check: {text: {pattern: '(a|a)+$'}}
"""


@pytest.mark.parametrize("severity", ["error", "warning", "info"])
def test_a_rule_of_a_users_pack_not_evaluated_fails_the_run_whatever_its_severity(cli: Any, tmp_path: Path, severity: str) -> None:
    pack = write(tmp_path, "slowr.yaml", _SLOW_RULE % severity)
    article = write(tmp_path, "story.html", f"<html><body><article><h1>T</h1><p>By SlowR News</p><p>{BACKTRACKS}</p></article></body></html>")
    run = cli("check", "--rules", str(pack), "--format", "json", str(article))
    (entry,) = run.json()["files"]
    (finding,) = entry["findings"]
    assert finding["message"] == "Rule slowr/credit was not evaluated: its pattern ran past the 0.25 s time limit on a text of 47 characters."
    assert finding["help"].startswith(f"Simplify the pattern in {pack}:13 ")
    assert finding["evidence"] == f"T By SlowR News {BACKTRACKS} (47 characters)"
    assert run.code == 2 and run.err.endswith(f"exit 2: 1 document not fully checked: a pattern ran past its time limit ({article}; see above)\n")


def test_a_rule_of_a_built_in_pack_not_evaluated_says_what_on_the_page_to_mend() -> None:
    # A built-in pack's pattern is not the editor's to edit: the advice is about the page.
    from compliance.document import parse_document
    from compliance.engine import check_document
    from compliance.packbuild import build_packs
    from compliance.yamlsource import parse_yaml

    origin = "rules/slowr.yaml"
    (built_in,) = build_packs([(parse_yaml(_SLOW_RULE % "error", origin), origin)], trusted=frozenset({origin}))
    (users,) = build_packs([(parse_yaml(_SLOW_RULE % "error", origin), origin)])
    doc = parse_document(f"<html><body><article><h1>T</h1><p>By SlowR News</p><p>{BACKTRACKS}</p></article></body></html>".encode(), "html")
    (finding,) = check_document(doc, [built_in], path="story.html").findings
    assert finding.help.startswith("The page holds a text of 47 characters (one line of text, or one attribute's value) that this rule could not search")
    assert "Simplify" not in finding.help and "rules/slowr.yaml" not in finding.help
    (finding,) = check_document(doc, [users], path="story.html").findings
    assert finding.help.startswith("Simplify the pattern in rules/slowr.yaml:13 ")
