"""An info finding is a note the terms do not require ("never a failure"): the audit lists none as a
violation of a partner, in its site's counts, its charts or its evidence, while warnings and
errors stay violations."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

ORIGINAL = ROOT / "samples" / "originals" / "propublica-original.html"
COPY = ROOT / "samples" / "propublica" / "compliant-wordpress.html"


def _audit(cli: Any, tmp_path: Path, copy: str) -> dict[str, Any]:
    (tmp_path / "stories").mkdir()
    (tmp_path / "saved").mkdir()
    shutil.copy(ORIGINAL, tmp_path / "stories" / ORIGINAL.name)
    (tmp_path / "saved" / "copy.html").write_text(copy, encoding="utf-8")
    (tmp_path / "audit.yaml").write_text(
        f"pack: propublica\nstories: {{folder: {tmp_path / 'stories'}}}\nsources:\n  - folder: {tmp_path / 'saved'}\noutput: {tmp_path / 'report'}\n",
        encoding="utf-8",
    )
    run = cli("audit", str(tmp_path / "audit.yaml"))
    assert run.code == 0, run.err
    report: dict[str, Any] = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    return report


def _without_head_links(page: str) -> str:
    # The copy keeps no canonical or syndication-source link to the original: an info note.
    page = re.sub(r'<link rel="canonical"[^>]*>|<meta name="syndication-source"[^>]*>', "", page)
    # The sample republication goes on past the last paragraph of the sample original (eight
    # paragraphs): what the original does not print would be paragraphs added, so it is cut.
    return re.sub(r"\s*<p>The federal regulator.*?</p>(?=\s*<script async)", "", page, count=1, flags=re.DOTALL)


def test_an_info_note_is_no_violation_of_a_compliant_partner(cli: Any, tmp_path: Path) -> None:
    copy = _without_head_links(COPY.read_text(encoding="utf-8"))
    checked = cli("check", "--format", "json", "--original", str(ORIGINAL), "-", stdin=copy.encode())
    assert [(f["rule"], f["severity"]) for f in checked.json()["files"][0]["findings"]] == [("propublica/original-in-head", "info")]
    (site,) = _audit(cli, tmp_path, copy)["sites"]
    assert (site["copies"], site["compliant"], site["violations"], site["worst"]) == (1, 1, {}, [])
    assert "original-in-head" not in (tmp_path / "report" / "dashboard.html").read_text(encoding="utf-8")


def test_a_warning_stays_a_violation_beside_the_info_note(cli: Any, tmp_path: Path) -> None:
    # A ProPublica photo kept (a warning) is still counted, though the copy stays compliant.
    copy = _without_head_links(COPY.read_text(encoding="utf-8")).replace(
        "</article>", '<figure><img src="/welds.jpg" alt="A welder"><figcaption>Photo: Jane Lee/ProPublica</figcaption></figure></article>', 1
    )
    (site,) = _audit(cli, tmp_path, copy)["sites"]
    assert site["violations"] == {"propublica/photo-permission": 1}
    assert site["compliant"] == 1
