"""A WordPress post's `title.rendered` and a payload's `headline` and `byline` are HTML: the text
they show is read once (`&amp;amp;` shows "&amp;", never "&"), tags left out, and a control
character in them, written or as a reference (`&#27;`), is kept and shown escaped, as
docs/security.md promises, never dropped; the names of `_embedded.author` are read the same way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

CALMATTERS = (
    "<p>This story was originally published by CalMatters. Sign up for their newsletters.</p>"
    "<p>By Dan Walters, CalMatters</p><p>SACRAMENTO — Insurers raised rates on Tuesday.</p>"
)
DCNF = '<figure><img src="https://dailycallernewsfoundation.org/logo.png" alt="Daily Caller News Foundation logo"></figure><p>The story.</p>'


def _headline_finding(cli: Any, tmp_path: Path, payload: dict[str, Any]) -> str:
    post = write(tmp_path, "post.json", json.dumps({"id": 7, **payload, "original_headline": "Unrelated words"}))
    run = cli("check", "--input-kind", "cms-json", "--select", "calmatters/headline", "--format", "concise", str(post))
    (line,) = [line for line in run.out.splitlines() if "calmatters/headline" in line]
    return line


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Rock &amp;amp; roll", 'headline "Rock &amp; roll"'),
        ("Fees &amp; fines <em>rise</em>", 'headline "Fees & fines rise"'),
        ("Teachers&#8217; pay &lt;b&gt;", 'headline "Teachers\' pay <b>"'),
        ("Newsom &#27;[2J budget", 'headline "Newsom \\x1b[2J budget"'),
        ("Budget &#x1B;[31mcuts&#x7f;", 'headline "Budget \\x1b[31mcuts\\x7f"'),
        ("Budget \u001b[31mcuts", 'headline "Budget \\x1b[31mcuts"'),
        ("a &lt; b &#38;amp; c", 'headline "a < b &amp; c"'),
    ],
)
def test_a_wordpress_title_is_read_once_its_controls_shown(cli: Any, tmp_path: Path, title: str, shown: str) -> None:
    line = _headline_finding(cli, tmp_path, {"title": {"rendered": title}, "content": {"rendered": CALMATTERS, "protected": False}})
    assert f"({shown} is not the original's" in line


@pytest.mark.parametrize(
    ("headline", "shown"),
    [
        ("Rock &amp;amp; roll", 'headline "Rock &amp; roll"'),
        ("Newsom &#27;[2J budget", 'headline "Newsom \\x1b[2J budget"'),
        ("Plain words", 'headline "Plain words"'),
    ],
)
def test_a_payloads_headline_field_is_read_the_same_way(cli: Any, tmp_path: Path, headline: str, shown: str) -> None:
    line = _headline_finding(cli, tmp_path, {"headline": headline, "html": CALMATTERS})
    assert f"({shown} is not the original's" in line


@pytest.mark.parametrize(
    ("name", "quoted"),
    [("Jake &#27;[31mSmith", "Jake \\x1b[31mSmith"), ("Ana &amp;amp; Co", "Ana &amp; Co"), ("Jake \u001b[31mSmith", "Jake \\x1b[31mSmith")],
)
def test_an_embedded_authors_name_is_read_once_its_controls_shown(cli: Any, tmp_path: Path, name: str, quoted: str) -> None:
    post = {"id": 7, "content": {"rendered": DCNF, "protected": False}, "author": 2, "_embedded": {"author": [{"id": 2, "name": name}]}}
    path = write(tmp_path, "post.json", json.dumps(post))
    run = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", "--select", "dcnf/byline", "--format", "text", str(path))
    assert f"byline metadata: {quoted}" in run.out


def test_a_clean_embedded_name_still_passes(cli: Any, tmp_path: Path) -> None:
    post = {"id": 7, "content": {"rendered": DCNF, "protected": False}, "author": 2, "_embedded": {"author": [{"id": 2, "name": "Jake O&#8217;Brien"}]}}
    path = write(tmp_path, "post.json", json.dumps(post))
    run = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", "--select", "dcnf/byline", "--format", "json", str(path))
    (entry,) = run.json()["files"]
    assert entry["findings"] == [] and [p["evidence"] for p in entry["passed"]] == ["byline metadata: Jake O'Brien"]
