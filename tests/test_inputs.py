"""Article inputs beyond plain files: CMS JSON payloads, Markdown front matter, sidecar metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.cms import CmsArticle, CmsProblem, parse_payload
from tests.conftest import SAMPLES, write

COMPLIANT = (SAMPLES / "dcnf" / "compliant-static.html").read_text(encoding="utf-8")
NO_LOGO = (SAMPLES / "dcnf" / "no-logo.html").read_text(encoding="utf-8")

DESK = (
    "id: desk\nname: Desk\npublisher: Desk\nterms_url: https://example.org/t\nas_of: 2024-01-01\nsummary: s\nrules:\n"
    "  - id: desk/reporter\n    severity: error\n    message: The byline does not name {meta.reporter}.\n    help: h\n"
    "    check: {byline: {name: '{{meta.reporter}}'}}\n"
)


def test_payload_forms_and_problems() -> None:
    single = list(parse_payload(json.dumps({"id": "a-1", "html": "<p>x</p>", "byline": "By Ana Ruiz", "original_url": "https://x.org/a"}), "post"))
    assert single == [CmsArticle("post#1 (a-1)", "<p>x</p>", {"byline": "By Ana Ruiz", "original_url": "https://x.org/a"})]
    array = list(parse_payload(json.dumps([{"html": "<p>a</p>"}, {"content": "<p>b</p>"}]), "batch"))
    assert [a.name for a in array] == ["batch#1", "batch#2"]
    lines = list(parse_payload('{"html": "<p>a</p>"}\nnot json\n{"headline": "no html"}\n', "stream.jsonl"))
    assert isinstance(lines[0], CmsArticle)
    assert lines[1] == CmsProblem("stream.jsonl#2", "line 2 column 1 is not valid JSON: Expecting value")
    assert lines[2] == CmsProblem("stream.jsonl#3", "no article HTML (one of the fields html, content, body, body_html, article_html)")


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("NaN", "NaN is not a JSON value"),
        ("Infinity", "Infinity is not a JSON value"),
        ("-Infinity", "-Infinity is not a JSON value"),
        ("1e999", "the number 1e999 is too large to read, it would be infinity"),
        ("-1E+999", "the number -1E+999 is too large to read, it would be infinity"),
        ("[" * 65 + "]" * 65, "nested more than 64 arrays and objects deep"),
    ],
)
def test_what_python_reads_but_json_has_not_is_refused_at_its_place(cli: Any, tmp_path: Path, value: str, why: str) -> None:
    # Python's json reads NaN and 1e999 (then a headline "nan" would be checked); JSON has neither.
    line = f'{{"html": "<p>By Ana Ruiz</p>", "headline": "NaN 1e999 [[", "n": {value}}}'
    column = line.rindex(value) + 1 + (63 if value.startswith("[") else 0)
    lines = list(parse_payload('{"html": "<p>a</p>"}\n' + line + "\n", "stream.jsonl"))
    assert lines[1] == CmsProblem("stream.jsonl#2", f"line 2 column {column} is not valid JSON: {why}")
    payload = write(tmp_path, "one.json", line)
    run = cli("check", "--input-kind", "cms-json", "--pack", "dcnf", str(payload))
    assert run.code == 2
    assert f"{payload}: not JSON ({why}: line 1 column {column} (char {column - 1})); it starts with" in run.err


def test_a_stream_of_1000_articles_gives_one_result_each_in_order(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance import engine

    objects = [{"id": f"story-{n:04}", "html": COMPLIANT if n % 3 else NO_LOGO, "headline": f"Story {n}"} for n in range(1000)]
    stream = write(tmp_path, "outbox.jsonl", "\n".join(json.dumps(o) for o in objects) + "\n")
    parsed: list[int] = []
    parse = engine.parse_document

    def counted(data: Any, *args: Any, **kwargs: Any) -> Any:
        # The parser is handed the text the prefilter decoded (a `Decoded`), not the bytes again.
        parsed.append(len(data.text))
        return parse(data, *args, **kwargs)

    monkeypatch.setattr(engine, "parse_document", counted)
    run = cli("check", "--input-kind", "cms-json", "--format", "json", str(stream))
    files = run.json()["files"]
    assert [f["path"] for f in files] == [f"{stream}#{n + 1} (story-{n:04})" for n in range(1000)]
    assert [bool(f["findings"]) for f in files] == [n % 3 == 0 for n in range(1000)]
    assert all(f["packs"] == ["dcnf"] for f in files)
    assert run.code == 1
    # The work is bounded by the stream: each payload's HTML is parsed once, whatever the number of packs and rules.
    assert len(parsed) == 1000


def test_payload_fields_are_metadata_rules_can_require(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "desk.yaml", DESK)
    payload = json.dumps({"id": "x", "html": COMPLIANT, "reporter": "Jake Smith"}) + "\n" + json.dumps({"id": "y", "html": COMPLIANT, "reporter": "Li Wei"})
    run = cli("check", "--input-kind", "cms-json", "--rules", str(pack), "--pack", "desk", "--format", "json", "-", stdin=payload.encode())
    findings = [[f["message"] for f in entry["findings"]] for entry in run.json()["files"]]
    assert findings == [[], ["The byline does not name Li Wei."]]


def test_markdown_front_matter_and_sidecar_metadata(cli: Any, tmp_path: Path) -> None:
    pack = write(tmp_path, "desk.yaml", DESK)
    article = (
        "---\ntitle: Council passes budget\nreporter: Ana Ruiz\n---\n# Council passes budget\n\n"
        "By Ana Ruiz, Example Gazette\n\nThe council voted 5-2 on Tuesday to approve the budget.\n"
    )
    story = write(tmp_path, "story.md", article)
    run = cli("check", "--rules", str(pack), "--pack", "desk", "--format", "json", str(story))
    assert run.json()["files"][0]["findings"] == []
    overridden = cli("check", "--rules", str(pack), "--pack", "desk", "--meta", "reporter=Li Wei", "--format", "json", str(story))
    assert [f["message"] for f in overridden.json()["files"][0]["findings"]] == ["The byline does not name Li Wei."]
    html = write(tmp_path, "page.html", "<html><body><article><h1>Budget</h1><p class=byline>By Ana Ruiz</p><p>The council voted.</p></article></body></html>")
    write(tmp_path, "page.html.meta.yaml", "reporter: Li Wei\n")
    sidecar = cli("check", "--rules", str(pack), "--pack", "desk", "--format", "json", str(html))
    assert [f["message"] for f in sidecar.json()["files"][0]["findings"]] == ["The byline does not name Li Wei."]


@pytest.mark.parametrize("date", ["2024-13-45", "2024-02-30"])
def test_a_front_matter_date_that_does_not_exist_is_named_with_how_to_write_it(cli: Any, tmp_path: Path, date: str) -> None:
    story = write(tmp_path, "story.md", f"---\ntitle: Budget\ndate: {date}\n---\n# Budget\n\nBy Ana Ruiz\n\nBody text of the story.\n")
    run = cli("check", "--pack", "dcnf", "--format", "json", str(story))
    notices = {n["code"]: n["message"] for n in run.json()["files"][0]["notices"]}
    said = notices["front-matter"]
    assert said.startswith(f"front matter ignored: {story}:3:7: '{date}' is not a date that exists (")
    assert said.endswith(" — write the day as YYYY-MM-DD, or quote the value to keep it as text"), said


@pytest.mark.parametrize("suffix", ["md", "txt"])
def test_a_front_matter_left_open_is_said_to_be_read_as_the_story(cli: Any, tmp_path: Path, suffix: str) -> None:
    story = write(tmp_path, f"story.{suffix}", "---\nreporter: Jake Smith\n\n# Title\n\nBy Jake Smith\n\nBody text of the story.\n")
    run = cli("check", "--pack", "dcnf", "--format", "json", str(story))
    notices = {n["code"]: n["message"] for n in run.json()["files"][0]["notices"]}
    assert notices["front-matter"] == (
        f"front matter ignored: {story}:1:1: the '---' on line 1 opens a front matter that no '---' line closes,"
        " so its lines are read as the story's text — close it with a '---' line after its last key"
    )


@pytest.mark.parametrize("text", ["---\n\nSome text after a rule.\n", "---\nNote: the figures are estimates.\n", "Title\n---\nreporter: x\n"])
def test_a_rule_that_opens_no_front_matter_gets_no_note(cli: Any, tmp_path: Path, text: str) -> None:
    story = write(tmp_path, "story.md", text + "\nBy Jake Smith\n\nBody text of the story.\n")
    run = cli("check", "--pack", "dcnf", "--format", "json", str(story))
    assert "front-matter" not in {n["code"] for n in run.json()["files"][0]["notices"]}


def test_broken_front_matter_is_a_notice_not_a_crash(cli: Any, tmp_path: Path) -> None:
    story = write(tmp_path, "story.md", "---\nreporter: [unclosed\n---\n# Title\n\nBy Ana Ruiz\n\nBody text of the story.\n")
    run = cli("check", "--pack", "dcnf", "--format", "json", str(story))
    notices = {n["code"]: n["message"] for n in run.json()["files"][0]["notices"]}
    assert notices["front-matter"].startswith(f"front matter ignored: {story}:3:1: invalid YAML")
