"""The note of where the original's address came from (the HTML report's and the editor's page's
block, a not-compared note) names the metadata key as the user wrote it: `original-url`,
`original_url`, or in capitals (`ORIGINAL-URL`, read alike: tests/test_meta_key_case.py), never a
spelling the user did not write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write

WELDS = "<article><h1>Welds</h1><p>By Pat Doe, ProPublica</p><p>Inspectors signed off on 41 welds.</p></article>\n"


@pytest.mark.parametrize("key", ["original-url", "original_url", "ORIGINAL-URL", "Original_Url"])
def test_the_note_of_where_the_address_came_from_names_the_key_as_written(cli: Any, tmp_path: Path, key: str) -> None:
    story = write(tmp_path, "welds.html", WELDS)
    address = "https://www.propublica.org/article/welds"
    run = cli("check", "--format", "html", "--pack", "propublica", "--meta", "medium=online", "--meta", f"{key}={address}", str(story))
    assert f"The original&#x27;s address is from the &#x27;{key}&#x27; metadata." in run.out
    fixed = cli("fix", "--pack", "propublica", "--meta", "medium=online", "--meta", f"{key}={address}", str(story))
    assert f'+<article><h1>Welds</h1><p>By Pat Doe, ProPublica</p><p>This story was originally published by <a href="{address}">ProPublica</a>.' in fixed.out


@pytest.mark.parametrize("key", ["Original-URL", "original_url", "ORIGINAL_URL"])
def test_the_not_compared_note_names_the_key_as_written(cli: Any, key: str) -> None:
    run = cli("check", "--meta", f"{key}=https://dailycallernewsfoundation.org/2026/11/plan/", "samples/dcnf/compliant-static.html")
    assert f"and only its address was given (the '{key}' metadata)" in run.out
