"""A base pack named on its own checks only the rules publishers share: a `base-pack` notice says
that none of a publisher's terms were checked, wherever the packs were named (the command line, a
CMS payload, the Python API), so that a copy its publisher's pack fails does not pass unnoticed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.api import check_html
from tests.conftest import ROOT

DCNF_NO_LOGO = ROOT / "samples" / "dcnf" / "no-logo.html"


def _notices(cli: Any, *args: str) -> list[dict[str, str]]:
    run = cli("check", "--format", "json", *args)
    (entry,) = json.loads(run.out)["files"]
    return entry["notices"]  # type: ignore[no-any-return]


def _codes(notices: list[dict[str, str]]) -> list[str]:
    return [notice["code"] for notice in notices]


@pytest.mark.parametrize("base", ["common", "creative-commons"])
def test_a_base_pack_named_alone_says_no_publishers_terms_were_checked(cli: Any, base: str) -> None:
    notices = _notices(cli, "--pack", base, str(DCNF_NO_LOGO))
    (notice,) = [n for n in notices if n["code"] == "base-pack"]
    assert notice["message"].startswith(f"{base} is a base pack: only the rules publishers share were checked, none of a publisher's terms")


@pytest.mark.parametrize(
    "packs",
    [
        ["dcnf"],
        ["propublica"],
        # creative-commons with a pack that extends it: its rules are that publisher's too.
        ["creative-commons", "propublica"],
        ["propublica", "creative-commons"],
    ],
)
def test_no_notice_when_a_publishers_pack_is_named(cli: Any, packs: list[str]) -> None:
    args = [arg for pack in packs for arg in ("--pack", pack)]
    assert "base-pack" not in _codes(_notices(cli, *args, str(DCNF_NO_LOGO)))


def test_no_notice_when_the_packs_are_detected(cli: Any) -> None:
    assert "base-pack" not in _codes(_notices(cli, str(DCNF_NO_LOGO)))


def test_a_cms_payload_that_names_a_base_pack_gets_the_notice(cli: Any, tmp_path: Path) -> None:
    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps({"id": "story-1", "html": DCNF_NO_LOGO.read_text(encoding="utf-8"), "packs": ["common"]}), encoding="utf-8")
    notices = _notices(cli, "--input-kind", "cms-json", str(payload))
    assert "base-pack" in _codes(notices)


def test_the_python_api_gives_the_notice_too() -> None:
    report = check_html(DCNF_NO_LOGO.read_bytes(), packs=["common"])
    assert [n.code for n in report.notices].count("base-pack") == 1
    assert "base-pack" not in [n.code for n in check_html(DCNF_NO_LOGO.read_bytes(), packs=["dcnf"]).notices]


HOUSE_BASE = """\
id: house-base
name: House base rules
publisher: none (a base pack)
terms_url: https://example.org/terms
as_of: 2024-06-27
summary: A headline.
rules:
  - id: house-base/headline
    severity: warning
    message: The story has no headline.
    help: Give it one.
    check:
      element: {selector: h1}
"""

HOUSE = """\
id: house
name: House rules
publisher: Example Gazette
terms_url: https://example.org/terms
as_of: 2024-06-27
summary: The Gazette credited.
extends: house-base
rules:
  - id: house/credit
    severity: error
    message: The Gazette is not credited.
    help: Credit it.
    check:
      text: {pattern: 'Example Gazette'}
"""


def test_a_users_base_pack_is_one_too_and_a_pack_no_one_extends_is_not(cli: Any, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house-base.yaml").write_text(HOUSE_BASE, encoding="utf-8")
    article = tmp_path / "story.html"
    article.write_text("<article><h1>A story</h1><p>From the Example Gazette.</p></article>", encoding="utf-8")
    # Alone, house-base is a pack of a newsroom's own (no pack extends it): no notice.
    assert "base-pack" not in _codes(_notices(cli, "--rules", str(rules), "--pack", "house-base", str(article)))
    (rules / "house.yaml").write_text(HOUSE, encoding="utf-8")
    assert "base-pack" in _codes(_notices(cli, "--rules", str(rules), "--pack", "house-base", str(article)))
    assert "base-pack" not in _codes(_notices(cli, "--rules", str(rules), "--pack", "house", str(article)))
