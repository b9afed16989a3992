"""CMS payload fields: each one is read or named as not read; a top-level `original` is read as
`meta.original` is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.conftest import SAMPLES, write

STORY = (SAMPLES / "originals" / "dcnf-agency-photo.txt").read_text(encoding="utf-8")


def _entries(cli: Any, stream: Path) -> list[dict[str, Any]]:
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    assert run.code in (0, 1), run.err
    return list(run.json()["files"])


def test_fields_that_are_not_read_get_a_notice_with_a_suggestion(cli: Any, tmp_path: Path) -> None:
    stream = write(tmp_path, "s.jsonl", json.dumps({"id": "z", "html": "<p>x</p>", "orignal": "x.html", "repoter": "Jake", "colour": "red"}) + "\n")
    (entry,) = _entries(cli, stream)
    assert [n["message"] for n in entry["notices"] if n["code"] == "unknown-field"] == [
        "payload field 'orignal' is not read — did you mean 'original'?",
        "payload field 'repoter' is not read — did you mean 'reporter'?",
        "payload field 'colour' is not read — put the article's own values under 'meta'",
    ]
    text = cli("check", "--input-kind", "cms-json", str(stream)).out
    assert "note: payload field 'orignal' is not read — did you mean 'original'?" in text


def test_a_top_level_original_is_read_as_meta_original(cli: Any, tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "originals" / "dcnf-original.html", tmp_path / "dcnf-original.html")
    html = "<pre>" + STORY + "</pre>"
    lines = [
        json.dumps({"id": "top", "html": html, "original": "dcnf-original.html"}),
        json.dumps({"id": "meta", "html": html, "meta": {"original": "dcnf-original.html"}}),
        json.dumps({"id": "none", "html": html}),
    ]
    top, meta, none = _entries(cli, write(tmp_path, "s.jsonl", "\n".join(lines) + "\n"))

    def outcome(entry: dict[str, Any]) -> list[tuple[str, str]]:
        return sorted([("finding", f["rule"]) for f in entry["findings"]] + [("passed", p["rule"]) for p in entry["passed"]])

    assert outcome(top) == outcome(meta) != outcome(none)
    assert ("finding", "dcnf/original-reporter") in outcome(top)  # compared with the original's reporter
    assert not [n for n in top["notices"] if n["code"] == "unknown-field"]
