"""A rule's help that shows an example byline or credit line names the known reporter(s) — from
the original story's bylines or the `reporter` metadata, as fixes take them — whether or not the
rule has a fix; without them the pack's example stands as written. The same in the text and JSON
reports and on the editor's page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html

STORY = "State regulators voted on Thursday to extend the water rationing rules through the end of the summer season."
BY_STAFF = f"<article><h1>Water rules extended</h1><p class='byline'>By Staff</p><p>{STORY}</p></article>"


@pytest.mark.parametrize(
    ("pack", "rule", "invented", "known"),
    [
        ("calmatters", "calmatters/byline", "Rosa Ibarra", '"By Priya Raman and Tomás Ortega, CalMatters"'),
        ("kff-health-news", "creative-commons/author", "Sarah Jane Tribble", '"By Priya Raman and Tomás Ortega, KFF Health News"'),
        ("the-19th", "creative-commons/author", "Marisol Okafor", '"By Priya Raman and Tomás Ortega, The 19th"'),
        (
            "global-voices",
            "creative-commons/author",
            "Daria Movileanu",
            '"This story by Priya Raman and Tomás Ortega originally appeared on Global Voices on <date>."',
        ),
        ("republication-tracker", "creative-commons/author", "Ana Ruiz", '"by Priya Raman and Tomás Ortega, SITENAME"'),
    ],
)
def test_a_hint_without_a_fix_names_every_known_reporter(pack: str, rule: str, invented: str, known: str) -> None:
    meta = {"reporter": "Priya Raman and Tomás Ortega"}
    (finding,) = [f for f in check_html(BY_STAFF, packs=[pack], meta=meta).findings if f.rule == rule]
    assert known in finding.help and invented not in finding.help
    # not known: the pack's example stands as written
    (unknown,) = [f for f in check_html(BY_STAFF, packs=[pack]).findings if f.rule == rule]
    assert invented in unknown.help and "Priya Raman" not in unknown.help
    # a quote that names no one ("Staff", "Global Voices") is the same either way
    kept = [q for q in unknown.help.split('"')[1::2] if invented not in q and "AUTHOR" not in q and "<Author>" not in q]
    assert kept and all(f'"{q}"' in finding.help for q in kept)


def test_a_stand_in_name_in_the_hint_becomes_the_originals_reporter(cli: Any, tmp_path: Path) -> None:
    original = tmp_path / "original.html"
    byline = "<p class='byline'>By Lena Vogt, The Texas Tribune</p>"
    original.write_text(f"<article><h1>Water rules extended</h1>{byline}<p>{STORY}</p></article>", encoding="utf-8")
    copy = tmp_path / "copy.html"
    copy.write_text(f"<article><h1>Water rules extended</h1><p class='byline'>By Lena Vogt</p><p>{STORY}</p></article>", encoding="utf-8")
    text = cli("check", "--pack", "texas-tribune", "--original", str(original), str(copy)).out
    assert '"by Lena Vogt, The Texas Tribune"' in " ".join(text.split()) and "Reporter Name" not in text
    report = json.loads(cli("check", "--format", "json", "--pack", "texas-tribune", "--original", str(original), str(copy)).out)
    helps = [f["help"] for file in report["files"] for f in file["findings"] if f["rule"] in ("texas-tribune/byline", "texas-tribune/credit")]
    assert helps and all('"by Lena Vogt, The Texas Tribune"' in h for h in helps)
    # without the original: "Reporter Name" stays, marked as the stand-in it is
    bare = json.loads(cli("check", "--format", "json", "--pack", "texas-tribune", str(copy)).out)
    assert any('"by Reporter Name, The Texas Tribune"' in f["help"] for file in bare["files"] for f in file["findings"])


def test_the_conversations_example_gets_each_author_with_their_institution(cli: Any, tmp_path: Path) -> None:
    original = tmp_path / "original.html"
    original.write_text(f"<article><h1>Why bees vanish</h1><p class='byline'>Priya Raman, University of Georgia</p><p>{STORY}</p></article>", encoding="utf-8")
    copy = tmp_path / "copy.html"
    copy.write_text(f"<article><h1>Why bees vanish</h1><p class='byline'>By The Conversation</p><p>{STORY}</p></article>", encoding="utf-8")
    report = json.loads(cli("check", "--format", "json", "--pack", "the-conversation", "--original", str(original), str(copy)).out)
    (help_text,) = [f["help"] for file in report["files"] for f in file["findings"] if f["rule"] == "creative-commons/author"]
    assert '"Priya Raman, University of Georgia"' in help_text and "Jane Doe" not in help_text and "University of Example" not in help_text


def test_the_editors_page_shows_the_hint_with_the_reporter_given() -> None:
    from starlette.testclient import TestClient

    from compliance.serve import ServeSettings
    from compliance.serve.app import create_app

    client = TestClient(create_app(ServeSettings(max_bytes=512 * 1024)), base_url="http://127.0.0.1:8080")
    page = client.post("/", data={"article": BY_STAFF, "pack": "calmatters", "format": "html", "reporter": "Lena Vogt"}).text
    assert "By Lena Vogt, CalMatters" in page and "Rosa Ibarra" not in page
    bare = client.post("/", data={"article": BY_STAFF, "pack": "calmatters", "format": "html"}).text
    assert "Rosa Ibarra" in bare
