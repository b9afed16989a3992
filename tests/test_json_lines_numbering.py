"""JSON lines name their objects `FILE#1`, `FILE#2`… in order, as the README says ("Each object is
one result, in order, named FILE#N"), whatever blank lines lie between them, and after the elements
of an array on the first line; a message about a line of the file still names that line."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from compliance.cms import parse_payload, read_payloads
from tests.conftest import write

HTML = "<article><p>By Dan Walters, CalMatters</p><p>Insurers raised rates.</p></article>"


def _article(article_id: str) -> str:
    return json.dumps({"id": article_id, "html": HTML})


A, B, C = _article("a"), _article("b"), _article("c")


@pytest.mark.parametrize(
    "text",
    [
        f"\n\n{A}\n\n{B}\n",
        f"{A}\r\n\r\n{B}\r\n",
        f"{A}\n   \n\t\n{B}",
    ],
)
def test_json_lines_name_objects_in_order_not_by_line(text: str) -> None:
    streamed = [result.name for result in read_payloads(io.BytesIO(text.encode()), "p.jsonl", max_bytes=None)]
    whole = [result.name for result in parse_payload(text, "p.jsonl")]
    assert streamed == whole == ["p.jsonl#1 (a)", "p.jsonl#2 (b)"]


def test_a_json_line_that_is_not_json_is_numbered_as_a_result_and_told_at_its_line() -> None:
    text = f"\n{A}\n\n{{not json\n{B}\n"
    results = list(read_payloads(io.BytesIO(text.encode()), "p.jsonl", max_bytes=None))
    assert [result.name for result in results] == ["p.jsonl#1 (a)", "p.jsonl#2", "p.jsonl#3 (b)"]
    assert "line 4" in getattr(results[1], "reason", "")


def test_json_lines_after_an_array_count_on_from_its_elements() -> None:
    text = f"[{A}, {B}]\n\n{C}\n"
    names = [result.name for result in read_payloads(io.BytesIO(text.encode()), "p.jsonl", max_bytes=None)]
    assert names == ["p.jsonl#1 (a)", "p.jsonl#2 (b)", "p.jsonl#3 (c)"]


def test_the_cli_names_json_lines_in_order(cli: Any, tmp_path: Path) -> None:
    payload = write(tmp_path, "p.jsonl", f"\n\n{A}\n\n{B}\n")
    run = cli("check", "--format", "concise", "--input-kind", "cms-json", str(payload))
    assert "p.jsonl#1 (a)" in run.out and "p.jsonl#2 (b)" in run.out and "#3" not in run.out and "#5" not in run.out
